/**
 * The production build serving the fixture database, for the tests of one file or describe block:
 * call it where beforeAll/afterAll may be registered, read `url` (and `fixture`) inside the tests.
 * Kept apart from server.ts, which the benchmarks import outside vitest.
 */
import { afterAll, beforeAll } from 'vitest';
import { createFixtureDatabase, type Fixture } from './fixture.ts';
import { ensureBuild, startServer, type RunningServer } from './server.ts';

export function serveFixture(env: Record<string, string> = {}): { readonly url: string; readonly fixture: Fixture } {
  let fixture: Fixture | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    await ensureBuild();
    fixture = await createFixtureDatabase();
    server = await startServer(fixture.path, env);
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    fixture?.cleanup();
  });
  return {
    get url() {
      if (!server) throw new Error('serveFixture: the server starts in beforeAll');
      return server.url;
    },
    get fixture() {
      if (!fixture) throw new Error('serveFixture: the fixture is made in beforeAll');
      return fixture;
    }
  };
}
