import type { UiLibraryId } from '@/lib/catalog';

/** A Svelte UI library's start-page example and global CSS (after `@import 'tailwindcss'`). */
export interface SvelteUiWiring {
  imports: string[];
  /** Markup using the `count` $state. */
  example: string;
  css: string;
  /** `data-theme` on <html>, for Skeleton. */
  theme?: string;
}

const COUNTER = `<button type="button" onclick={() => count++}>Count is {count}</button>`;

export function svelteUiWiring(id: UiLibraryId): SvelteUiWiring {
  switch (id) {
    case 'shadcn-svelte':
      return {
        imports: [`import { Button } from '$lib/components/ui/button/index.js';`],
        example: `<Button onclick={() => count++}>Count is {count}</Button>`,
        css: '',
      };
    case 'skeleton':
      return {
        imports: [`import { Switch } from '@skeletonlabs/skeleton-svelte';`],
        example: `<button type="button" class="btn preset-filled" onclick={() => count++}>Count is {count}</button>
<Switch checked={count % 2 === 1} onCheckedChange={() => count++}>
	<Switch.Control><Switch.Thumb /></Switch.Control>
	<Switch.Label>Odd</Switch.Label>
	<Switch.HiddenInput />
</Switch>`,
        css: `@import '@skeletonlabs/skeleton';\n@import '@skeletonlabs/skeleton/themes/cerberus';\n`,
        theme: 'cerberus',
      };
    case 'radix':
      return {
        imports: [`import { Switch } from 'bits-ui';`],
        example: `${COUNTER}
<label>
	<Switch.Root checked={count % 2 === 1} onCheckedChange={() => count++} class="switch">
		<Switch.Thumb class="thumb" />
	</Switch.Root>
	Odd
</label>`,
        css: '',
      };
    default:
      return { imports: [], example: COUNTER, css: '' };
  }
}

/** Plain styles for the Bits UI switch when Tailwind is off (Bits UI is unstyled). */
export const BITS_SWITCH_STYLE = `
<style>
	:global(.switch) {
		width: 2.5rem;
		height: 1.5rem;
		border-radius: 9999px;
		background: #ccc;
		border: 0;
		padding: 0.125rem;
	}
	:global(.switch[data-state='checked']) {
		background: #ff3e00;
	}
	:global(.thumb) {
		display: block;
		width: 1.25rem;
		height: 1.25rem;
		border-radius: 9999px;
		background: white;
		transition: transform 0.15s;
	}
	:global(.thumb[data-state='checked']) {
		transform: translateX(1rem);
	}
</style>
`;
