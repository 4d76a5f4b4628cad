// The driver's entry point. Appium installs this folder with `npm link`, so the package stays where it is and this
// module resolves the compiled driver in the repository's dist/ (npm run build), and its dependencies
// (@appium/base-driver, xpath, @xmldom/xmldom, pngjs) from the repository's node_modules; TypeBox is bundled into
// dist/ by the build.
export { MbsSimulatorDriver } from '../../dist/devices/appium-driver/driver.js';
