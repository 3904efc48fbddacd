import type { UiLibraryInfo } from '../types';

const AVAILABLE = { available: true } as const;

/** shadcn/ui is copied source, not a package: these are what `shadcn init` + `add button` install. */
export const shadcn: UiLibraryInfo = {
  id: 'shadcn',
  label: 'shadcn/ui',
  description: 'Copy-in components built on Radix and Tailwind; Aura writes the Button component and theme.',
  homepage: 'https://ui.shadcn.com',
  packages: [
    { name: 'radix-ui', version: '^1.8.1' },
    { name: 'class-variance-authority', version: '^0.7.1' },
    { name: 'clsx', version: '^2.1.1' },
    { name: 'tailwind-merge', version: '^3.7.0' },
    { name: 'lucide-react', version: '^1.77.0' },
    { name: 'tw-animate-css', version: '^1.4.0', dev: true },
  ],
  requires: { tailwindcss: true },
  availability: AVAILABLE,
};

export const chakraUi: UiLibraryInfo = {
  id: 'chakra-ui',
  label: 'Chakra UI',
  description: 'Chakra UI v3 components with its default system.',
  homepage: 'https://chakra-ui.com',
  packages: [
    { name: '@chakra-ui/react', version: '^3.38.0' },
    { name: '@emotion/react', version: '^11.14.0' },
  ],
  requires: {},
  availability: AVAILABLE,
};

export const mantine: UiLibraryInfo = {
  id: 'mantine',
  label: 'Mantine',
  description: 'Mantine 9 core components and hooks.',
  homepage: 'https://mantine.dev',
  packages: [
    { name: '@mantine/core', version: '^9.8.1' },
    { name: '@mantine/hooks', version: '^9.8.1' },
  ],
  requires: {},
  availability: AVAILABLE,
};

export const antd: UiLibraryInfo = {
  id: 'antd',
  label: 'Ant Design',
  description: 'Ant Design 6, which supports React 19 without a patch.',
  homepage: 'https://ant.design',
  packages: [{ name: 'antd', version: '^6.6.8' }],
  requires: {},
  availability: AVAILABLE,
};

export const radixThemes: UiLibraryInfo = {
  id: 'radix',
  label: 'Radix Themes',
  description: 'Radix Themes: styled components on Radix Primitives.',
  homepage: 'https://www.radix-ui.com/themes',
  packages: [{ name: '@radix-ui/themes', version: '^3.3.0' }],
  requires: {},
  availability: AVAILABLE,
};

export const heroUi: UiLibraryInfo = {
  id: 'nextui',
  label: 'HeroUI (formerly NextUI)',
  description: 'HeroUI v3 (NextUI’s successor) on React Aria and Tailwind CSS 4.',
  homepage: 'https://heroui.com',
  // Its React Aria peers are listed because Yarn, unlike npm and pnpm, does not install peers.
  packages: [
    { name: '@heroui/react', version: '^3.2.6' },
    { name: '@internationalized/date', version: '^3.12.4' },
    { name: '@react-aria/ssr', version: '^3.10.1' },
    { name: '@react-aria/utils', version: '^3.34.1' },
    { name: 'react-aria', version: '^3.52.1' },
    { name: 'react-aria-components', version: '^1.21.1' },
  ],
  requires: { tailwindcss: true },
  availability: AVAILABLE,
};
