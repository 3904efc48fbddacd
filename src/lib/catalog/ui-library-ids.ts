import { z } from 'zod';

/** Every UI library id the catalog knows, across frameworks. `none` is offered for all. */
export const UI_LIBRARY_IDS = [
  'none',
  'shadcn',
  'chakra-ui',
  'mantine',
  'antd',
  'radix',
  'nextui',
  'shadcn-svelte',
  'skeleton',
  'smelte',
  'vuetify',
  'quasar',
  'primevue',
  'naive-ui',
  'nuxt-ui',
  'angular-material',
  'ng-bootstrap',
  'primeng',
] as const;

export const uiLibrarySchema = z.enum(UI_LIBRARY_IDS, { error: 'Unknown UI library.' });
export type UiLibraryId = z.infer<typeof uiLibrarySchema>;
