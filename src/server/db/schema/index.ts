export * from './auth';
export * from './projects';
export * from './sessions';
export * from './users';
