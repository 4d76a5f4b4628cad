/**
 * Settings > Mobile Backup in Chromium, with a simulated phone on the other side (seed 000 §7.1, §11.2): the
 * wizard's two options, the QR dialog naming the actual ports, the QR read back from the page and scanned by the
 * phone, the device shown with its folder and its name as text (markup included), a photo it backs up shown in its
 * entry, then a migration chosen in the wizard, the replacement scanning the new QR, and the name updated on the
 * original's folder. On Home the Authentication screen is absent.
 */
import { EDITIONS } from '../../spec/editions.js';
import { decodePairingPayload } from '../../spec/protocol/pairing.js';
import { appLinkProblem } from '../../spec/protocol/app-link.js';
import type { Check, CheckContext } from '../../kit/check.js';
import { identity, pairDevice, removeLeftovers, removeQuietly } from '../../kit/server-support.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { Violation } from '../../kit/violation.js';
import { backUpPhoto, seesBackup } from './backups-in-list.js';
import { expect, withConsolePage, type ConsolePage } from './console-page.js';

/** A model name that is markup (the protocol allows any characters there): shown as these characters, it runs nothing. */
const HOSTILE_MODEL = '<img src=x onerror="window.mbscNameRan=1">Note 8';
const OPTIONS = [
  'Add new device for backup without migration',
  'Migrate backup content of existing device to a new device',
];
const NOTE =
  /Please make sure your new device has not paired with any .+ client applications in order to complete the migration\./;

/** The dialog's prerequisites as the seed writes them (§7.1), each its own requirement. */
const PREREQUISITES = [
  ['PAIR-11', 'Please use the latest Mobile App version'],
  ['PAIR-12', 'Please make sure below 2 ports are not blocked by any Firewall settings'],
] as const;
/** The dialog's instruction to get the app through the same QR code (§7.1), as far as the first sentence goes. */
const SCAN_TO_INSTALL = 'Please scan the QR code to get the below Mobile App from App Store.';
const folderOf = (backupPath: string) => backupPath.split(/[\\/]/).filter(Boolean).at(-1) ?? '';

/** The phone scanning the page's QR code: it pairs with what it read, nothing else. */
async function scanAndPair(view: ConsolePage, context: CheckContext, name: string, mode: 'add' | 'migrate') {
  const device = { ...identity(name, 'android'), model: HOSTILE_MODEL };
  const text = await view.qrText('qrImage');
  const payload = decodePairingPayload(text);
  // The page's QR code as a camera reads it: the app link, so a phone without the app reaches its store page.
  const notLink = appLinkProblem(text);
  expect(['PAIR-14'], notLink === undefined, `the QR code on the page: ${notLink ?? ''}`);
  const tcp = await view.text('tcpPort');
  const udp = await view.text('udpPort');
  expect(['DESK-03'], payload.mode === mode, `the QR code is a pairing of mode ${payload.mode}, not ${mode}`);
  expect(
    ['DESK-03'],
    tcp.includes(String(payload.tcp)) && udp.includes(String(payload.udp)),
    `the dialog says "${tcp}" and "${udp}" but its QR code names TCP ${payload.tcp} and UDP ${payload.udp}`,
  );
  const info = await new MbsClient({ baseUrl: context.session.url }).call('getInfo');
  expect(
    ['DESK-03'],
    payload.tcp === info.tcpPort && payload.udp === info.udpPort,
    `the QR code names TCP ${payload.tcp} / UDP ${payload.udp}, the server listens on ${info.tcpPort} / ${info.udpPort}`,
  );
  // The app knows its server by this id (discovery answers carry it): the QR code must name the server's own.
  expect(
    ['DESK-03'],
    payload.server === info.serverId && payload.edition === info.edition,
    `the QR code names server ${payload.server} (${payload.edition}), the server is ${info.serverId} (${info.edition})`,
  );
  // What the dialog asks of the user, judged at once: each line it leaves out names its own requirement.
  const prerequisites = await view.text('prerequisites');
  const instruction = await view.page.getByText(SCAN_TO_INSTALL).count();
  const missing = [
    ...PREREQUISITES.filter(([, line]) => !prerequisites.includes(line)),
    ...(instruction > 0 ? [] : [['PAIR-13', SCAN_TO_INSTALL] as const]),
  ];
  expect(
    [...(missing.some(([id]) => id !== 'PAIR-13') ? ['DESK-03'] : []), ...missing.map(([id]) => id)],
    missing.length === 0,
    `the pairing dialog never says ${missing.map(([, line]) => `"${line}"`).join(', ')} (its prerequisites read ` +
      `"${prerequisites}")`,
  );
  const phone = new MbsClient({ baseUrl: context.session.url });
  return phone.call('pair', { body: { token: payload.token, edition: payload.edition, device } });
}

/** The row of the device list that shows `name`, once it does, and the folder it shows. */
async function listedFolder(view: ConsolePage, name: string): Promise<string> {
  const row = view.page.locator(view.sel('deviceRows')).filter({ has: view.page.getByText(name, { exact: true }) });
  await row.first().waitFor();
  return (await row.first().locator(view.sel('backupFolder')).textContent()) ?? '';
}

async function wizardOptions(view: ConsolePage): Promise<void> {
  await view.at('addOrMigrate').click();
  for (const [key, text] of [
    ['modeAdd', OPTIONS[0]],
    ['modeMigrate', OPTIONS[1]],
  ] as const) {
    const shown = (await view.text(key)).trim();
    expect(['DESK-01'], shown === text, `the wizard's option reads "${shown}", not "${text}"`);
  }
}

/** The devices the check pairs: the one added by QR code, its replacement, and one paired beside it. */
interface Names {
  readonly original: string;
  readonly replacement: string;
  readonly bystander: string;
}

/**
 * Adds a device by the page's QR code while another device pairs by a token of its own (as another desktop or
 * check may): the dialog must name the device its own QR code paired. `ids` collects both for the clean-up.
 */
async function addByQr(view: ConsolePage, context: CheckContext, names: Names, ids: string[]) {
  const name = names.original;
  await wizardOptions(view);
  await view.at('modeAdd').click();
  await view.at('wizardNext').click();
  await view.at('qrImage').waitFor();
  ids.push((await pairDevice(context.session, names.bystander)).deviceId);
  const paired = await scanAndPair(view, context, name, 'add');
  ids.push(paired.deviceId);
  await view.page
    .getByText('Device paired successfully')
    .first()
    .waitFor()
    .catch(() => {
      throw new Violation(['DESK-04', 'PAIR-15'], 'the pairing dialog never said "Device paired successfully"');
    });
  const outcome = await view.text('pairingOutcome');
  expect(['DESK-04'], outcome.includes(name), `the pairing dialog says "${outcome}", without the name ${name}`);
  await view.at('pairingDone').click();
  const folder = await listedFolder(view, name).catch(() => {
    throw new Violation(['DESK-04', 'DESK-12'], `the device list never shows the name "${name}" as text`);
  });
  const expected = `…\\${folderOf(paired.backupPath)}\\`;
  expect(['DESK-04'], folder === expected, `the device list shows the folder "${folder}", not "${expected}"`);
  const row = view.page.locator(view.sel('deviceRows')).filter({ has: view.page.getByText(name, { exact: true }) });
  const model = (await row.first().locator(view.sel('deviceModel')).textContent()) ?? '';
  const markup = await row.first().locator('img').count();
  expect(
    ['DESK-12'],
    model === HOSTILE_MODEL && markup === 0,
    `the model "${HOSTILE_MODEL}" shows as "${model}"${markup > 0 ? ', with an image element made of it' : ''}`,
  );
  return paired;
}

async function migrateByQr(view: ConsolePage, context: CheckContext, original: string, replacement: string) {
  await wizardOptions(view);
  await view.at('modeMigrate').click();
  const note = await view.text('migrateNote');
  expect(['DESK-02'], NOTE.test(note), `the migration note reads "${note}"`);
  await view
    .at('originalDevice')
    .selectOption({ label: original })
    .catch(() => {
      throw new Violation(['DESK-02'], `the original-device chooser does not offer "${original}"`);
    });
  await view.at('wizardNext').click();
  const paired = await scanAndPair(view, context, replacement, 'migrate');
  const done = view.page.getByText('is completed').first();
  await done.waitFor().catch(() => {
    throw new Violation(['DESK-05', 'MIG-14'], 'the desktop never said the migration is completed');
  });
  const outcome = (await view.text('pairingOutcome')).replace(/\s+/g, ' ');
  const said = `paired successfully and migration of contents from ${original} to ${replacement} is completed`;
  expect(['DESK-05', 'MIG-14'], outcome.includes(said), `the migration message reads "${outcome}", not "…${said}"`);
  await view.at('pairingDone').click();
  return paired;
}

async function verifyScreens(context: CheckContext, view: ConsolePage): Promise<void> {
  const { session } = context;
  const twoFactor = EDITIONS[session.edition].twoFactor;
  const authenticationShown = await view.at('authenticationTab').isVisible();
  expect(
    [twoFactor ? 'DESK-06' : 'DESK-07'],
    authenticationShown === twoFactor,
    `Settings > Authentication is ${authenticationShown ? 'shown' : 'absent'} on ${EDITIONS[session.edition].label}`,
  );
  const names: Names = {
    original: `ASUS X00ID ${context.content.tag()}`,
    replacement: `Redmi Note 8 ${context.content.tag()}`,
    bystander: `Bystander ${context.content.tag()}`,
  };
  const { original, replacement } = names;
  // A rerun of one seed names and installs its devices as the run before it did: devices that run left (it was
  // stopped before removing them) would stand for this run's, or refuse its pairings as already paired.
  await removeLeftovers(session, Object.values(names));
  const ids: string[] = [];
  try {
    const first = await addByQr(view, context, names, ids);
    const photo = await backUpPhoto(context, first, `Beach &amp; sunset ${context.content.tag()}`);
    await seesBackup(view, original, photo);
    const ran = await view.page.evaluate('window.mbscNameRan === 1');
    expect(['DESK-12'], ran !== true, 'a device name ran as markup in the page');
    const second = await migrateByQr(view, context, original, replacement);
    ids.push(second.deviceId);
    const folder = await listedFolder(view, replacement).catch(() => {
      throw new Violation(['DESK-05'], `the device list never shows the replacement "${replacement}"`);
    });
    const expected = `…\\${folderOf(first.backupPath)}\\`;
    expect(
      ['DESK-05'],
      folder === expected,
      `the replacement shows the folder "${folder}", not the original's ${expected}`,
    );
    const listed = await view.page.locator(`${view.sel('deviceRows')} ${view.sel('deviceName')}`).allTextContents();
    expect(['DESK-05'], !listed.includes(original), `the original "${original}" is still listed after the migration`);
  } finally {
    await removeQuietly(session, ids);
  }
}

export const mobileBackupScreensCheck: Check = {
  id: 'desktop-console-mobile-backup',
  title: 'Settings > Mobile Backup in Chromium: pair by the QR on the page, migrate, names as text',
  area: 'DESK',
  requirements: [
    'DESK-01',
    'DESK-02',
    'DESK-03',
    'DESK-04',
    'DESK-05',
    'DESK-06',
    'DESK-07',
    'DESK-12',
    'PAIR-11',
    'PAIR-12',
    'PAIR-13',
    'PAIR-14',
    'PAIR-15',
    'MIG-14',
  ],
  tags: ['browser'],
  scope: 'server',
  // The page lists every device of the server with its backups: beside the model checks, which pair hundreds of
  // phones a second, its own phone's row would wait behind thousands of others.
  exclusive: true,
  run: (context) => withConsolePage(context.session, (view) => verifyScreens(context, view)),
};
