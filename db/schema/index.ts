export * from './orgs';
export * from './config';
export * from './loyalty';
export * from './customers';
export * from './audit';
export * from './webhooks';
export * from './imports';
export * from './requests';
