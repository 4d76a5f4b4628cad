/** The --own-server command line: read as words with no shell, its placeholders filled in for each start. */
import { describe, expect, it } from 'vitest';
import {
  CommandTemplateError,
  fillTemplate,
  parseCommandTemplate,
} from '../../../conformance/targets/command-template.js';

const values = {
  edition: 'lite',
  data: '/tmp/d 1',
  consoleKey: 'k3y',
  host: '127.0.0.1',
  pushWebhook: 'http://127.0.0.1:8/push',
};

describe('parseCommandTemplate', () => {
  it('splits words as a shell would, with quotes and backslashes, and runs nothing of a shell', () => {
    const template = parseCommandTemplate(`srv --name 'my server' --motd "a \\"b\\"" a\\ b '' ; echo $HOME | cat`);
    expect(template.words).toEqual([
      'srv',
      '--name',
      'my server',
      '--motd',
      'a "b"',
      'a b',
      '',
      ';',
      'echo',
      '$HOME',
      '|',
      'cat',
    ]);
  });

  it('fills every placeholder, also inside a word, each value one word even with spaces', () => {
    const template = parseCommandTemplate('mbsc serve --edition {edition} --data={data} --console-key {consoleKey}');
    expect([...template.uses].sort()).toEqual(['consoleKey', 'data', 'edition']);
    expect(fillTemplate(template, values)).toEqual([
      'mbsc',
      'serve',
      '--edition',
      'lite',
      '--data=/tmp/d 1',
      '--console-key',
      'k3y',
    ]);
  });

  it("fills {pushWebhook} with the kit's push service", () => {
    const template = parseCommandTemplate('srv --push-webhook {pushWebhook} --data {data}');
    expect(template.uses.has('pushWebhook')).toBe(true);
    expect(fillTemplate(template, values)).toEqual([
      'srv',
      '--push-webhook',
      'http://127.0.0.1:8/push',
      '--data',
      '/tmp/d 1',
    ]);
  });

  it('refuses an unknown placeholder with the known ones and the nearest', () => {
    expect(() => parseCommandTemplate('srv --data {dta}')).toThrow(/unknown placeholder \{dta\}.*Did you mean "data"/);
  });

  it('refuses an empty command, an open quote and a lone backslash', () => {
    for (const text of ['', '   ', `srv 'open`, 'srv \\']) {
      expect(() => parseCommandTemplate(text)).toThrow(CommandTemplateError);
    }
  });
});
