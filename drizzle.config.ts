import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` is used: migrations are reviewed SQL, applied by `npm run db:migrate`
// (and at every `npm run dev` / `npm start`), never pushed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema/index.ts',
  out: './drizzle',
  casing: 'snake_case',
  strict: true,
  verbose: true,
});
