import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The folder rules of DESIGN.md are enforced by lint; these prove the rules bite. */
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('architecture rules', () => {
  it.each(['src/main/core/anything.ts', 'src/main/hub/anything.ts'])('%s may not import electron', async (file) => {
    expect(await problems(file, "import { app } from 'electron';\nexport const x = app;\n")).toEqual([
      expect.stringMatching(/plain Node/),
    ]);
    expect(await problems(file, "import type { App } from 'electron';\nexport type X = App;\n")).toHaveLength(1);
  });

  it('the renderer may not import the main process', async () => {
    const found = await problems(
      'src/renderer/src/anything.ts',
      "import { ControlRoom } from '../../main/core/control-room';\nexport const x = ControlRoom;\n",
    );
    expect(found).toEqual([expect.stringMatching(/only through the bridge/)]);
  });

  it('the demo server may not reuse client code', async () => {
    const found = await problems(
      'src/demo-server/anything.ts',
      "import { ControlRoom } from '../main/core/control-room';\nexport const x = ControlRoom;\n",
    );
    expect(found).toEqual([expect.stringMatching(/must not reuse client code/)]);
  });

  it('the shell may import electron', async () => {
    expect(await problems('src/main/app/anything.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });
});
