export * from './common';
export * from './identity';
export * from './records';
export * from './organization';
export * from './person';
export * from './problems';
export * from './event';
export * from './pledge';
