import { z } from 'zod';

export const FRAMEWORKS = ['react', 'nextjs', 'svelte', 'vue', 'angular'] as const;
export const frameworkSchema = z.enum(FRAMEWORKS);
export type Framework = z.infer<typeof frameworkSchema>;

export const FRAMEWORK_LABELS: Record<Framework, string> = {
  react: 'React',
  nextjs: 'Next.js',
  svelte: 'Svelte',
  vue: 'Vue',
  angular: 'Angular',
};
