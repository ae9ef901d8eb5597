// Pure unit tests only: no database, Redis or SMTP needed.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testRegex: 'src/.*\\.spec\\.ts$',
  globalSetup: undefined,
  globalTeardown: undefined,
};
