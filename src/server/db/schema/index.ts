export * from './agent';
export * from './auth';
export * from './files';
export * from './jobs';
export * from './projects';
export * from './sessions';
export * from './setup';
export * from './users';
