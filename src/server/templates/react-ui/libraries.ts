import type { UiLibraryId } from '@/lib/catalog';

/** How one React UI library is wired: root provider, global CSS, and the start page's example. */
export interface ReactUiWiring {
  /** Imports for the module that renders the provider. */
  providerImports: string[];
  /** Opening and closing provider tags, or none. */
  provider?: [open: string, close: string];
  /** CSS files imported once at the root (main.tsx / layout.tsx). */
  cssImports: string[];
  exampleImports: string[];
  /** JSX using `count` / `setCount`. */
  example: string;
}

const PLAIN_BUTTON = `<button type="button" onClick={() => setCount((c) => c + 1)}>
          Count is {count}
        </button>`;

/** `alias` is the import prefix of the project's source root (`@/` in both layouts). */
export function reactUiWiring(id: UiLibraryId, alias = '@/'): ReactUiWiring {
  switch (id) {
    case 'shadcn':
      return {
        providerImports: [],
        cssImports: [],
        exampleImports: [`import { Button } from '${alias}components/ui/button'`],
        example: `<Button onClick={() => setCount((c) => c + 1)}>Count is {count}</Button>`,
      };
    case 'chakra-ui':
      return {
        providerImports: [`import { ChakraProvider, defaultSystem } from '@chakra-ui/react'`],
        provider: ['<ChakraProvider value={defaultSystem}>', '</ChakraProvider>'],
        cssImports: [],
        exampleImports: [`import { Button } from '@chakra-ui/react'`],
        example: `<Button colorPalette="teal" onClick={() => setCount((c) => c + 1)}>
          Count is {count}
        </Button>`,
      };
    case 'mantine':
      return {
        providerImports: [`import { MantineProvider } from '@mantine/core'`],
        provider: ['<MantineProvider>', '</MantineProvider>'],
        cssImports: ['@mantine/core/styles.css'],
        exampleImports: [`import { Button } from '@mantine/core'`],
        example: `<Button onClick={() => setCount((c) => c + 1)}>Count is {count}</Button>`,
      };
    case 'antd':
      return {
        providerImports: [`import { ConfigProvider } from 'antd'`],
        provider: ['<ConfigProvider theme={{ token: { colorPrimary: "#1677ff" } }}>', '</ConfigProvider>'],
        cssImports: [],
        exampleImports: [`import { Button } from 'antd'`],
        example: `<Button type="primary" onClick={() => setCount((c) => c + 1)}>
          Count is {count}
        </Button>`,
      };
    case 'radix':
      return {
        providerImports: [`import { Theme } from '@radix-ui/themes'`],
        provider: ['<Theme>', '</Theme>'],
        cssImports: ['@radix-ui/themes/styles.css'],
        exampleImports: [`import { Button } from '@radix-ui/themes'`],
        example: `<Button onClick={() => setCount((c) => c + 1)}>Count is {count}</Button>`,
      };
    case 'nextui':
      return {
        providerImports: [],
        cssImports: [],
        exampleImports: [`import { Button } from '@heroui/react'`],
        example: `<Button onPress={() => setCount((c) => c + 1)}>Count is {count}</Button>`,
      };
    default:
      return { providerImports: [], cssImports: [], exampleImports: [], example: PLAIN_BUTTON };
  }
}

/** Wraps JSX in the library's provider, indenting by `indent` spaces. */
export function wrapInProvider(wiring: ReactUiWiring, jsx: string, indent: number): string {
  if (!wiring.provider) return jsx;
  const pad = ' '.repeat(indent);
  return `${wiring.provider[0]}\n${pad}  ${jsx}\n${pad}${wiring.provider[1]}`;
}
