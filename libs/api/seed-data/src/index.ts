export { seedReferenceData } from './seed-reference';
export { provinces, regions, defaultCampaign, tags, type ProvinceCode } from './reference-data';
export { seedDemoUsers, demoUsers, demoPassword, demoMemberOrganization } from './demo-users';
export { seedDemoRecords, demoScales, type DemoScale } from './demo-records';
export { seedDemoToolkit, demoToolkitItems } from './demo-toolkit';
