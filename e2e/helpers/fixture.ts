/**
 * The usual setting of a browser test file: Footing's server (on the database FOOTING_E2E_DB names) and a
 * phone-sized browser page, started before the file's tests and stopped after them. `setup` runs once the server
 * is up and before the browser starts (seeding data, cutting a clip); `phoneOptions.locale` sets the browser's language.
 */
import { after, before } from 'node:test';
import { launchPhone, type Phone } from './browser.js';
import { startServer, type TestServer } from './server.js';

export interface ServerAndPhone {
  readonly server: TestServer;
  readonly phone: Phone;
}

export function serverAndPhone(
  setup?: (server: TestServer) => Promise<void>,
  phoneOptions: { locale?: string } = {},
): ServerAndPhone {
  let server: TestServer | undefined;
  let phone: Phone | undefined;
  before(async () => {
    server = await startServer();
    await setup?.(server);
    phone = await launchPhone(phoneOptions);
  });
  after(async () => {
    await phone?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the server is not started yet');
      return server;
    },
    get phone() {
      if (!phone) throw new Error('the browser is not started yet');
      return phone;
    },
  };
}
