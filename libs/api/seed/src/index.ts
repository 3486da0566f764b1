export { seedReferenceData } from './seed-reference';
export { provinces, regions, defaultCampaign, type ProvinceCode } from './reference-data';
export { seedDemoUsers, demoUsers, demoPassword } from './demo-users';
