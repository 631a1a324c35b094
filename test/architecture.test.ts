import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The architecture's rules (.dependency-cruiser.cjs) are checked by `npm test` before jest runs. This shows the
 * rules bite: a fixture tree that breaks each on purpose is refused, by rule name, while src/ passes.
 */
const depcruise = (cwd: string) =>
  spawnSync(process.execPath, [join(__dirname, '..', 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), 'src', '--config', join(__dirname, '..', '.dependency-cruiser.cjs'), '--output-type', 'err'], {
    cwd,
    encoding: 'utf8',
  });

describe('architecture rules (dependency-cruiser)', () => {
  it('refuse a domain that imports NestJS, Node.js or the event store, an event store that knows a context, and a cycle', () => {
    const result = depcruise(join(__dirname, 'fixtures', 'architecture'));
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/error domain-is-pure: src\/promises\/domain\/impure\.decide\.ts → .*@nestjs\/common/);
    expect(result.stdout).toMatch(/error domain-is-pure: src\/promises\/domain\/impure\.decide\.ts → crypto/);
    expect(result.stdout).toMatch(/error event-store-knows-no-context: src\/event-store\/promise-store\.ts/);
    expect(result.stdout).toMatch(/error no-circular/);
  });

  it('hold for src/', () => {
    const result = depcruise(join(__dirname, '..'));
    expect(result.stdout).toMatch(/\(0 errors/);
    expect(result.status).toBe(0);
  });
});
