import type { AppInfo, CommandResult } from '../../shared/contract';
import type { ConnectionState } from '../../shared/connection';
import { signedOutState } from '../../shared/connection';
import type { CommandHandlers } from './dispatch';
import { ok } from './dispatch';
import { CoreEventBus } from './event-bus';
import { PRODUCT_NAME, PRODUCT_VERSION } from './product';

export interface ControlRoomOptions {
  dataDir: string;
  runtime: AppInfo['runtime'];
}

/**
 * The control-room engine as the shells see it: the contract's command handlers and the event bus.
 * Electron and the hub each compose one and bind it to their transport.
 */
export class ControlRoom {
  readonly events = new CoreEventBus();
  private connection: ConnectionState = signedOutState('No server has been chosen yet.');

  constructor(private readonly options: ControlRoomOptions) {}

  get dataDir(): string {
    return this.options.dataDir;
  }

  info(): AppInfo {
    return {
      name: PRODUCT_NAME,
      version: PRODUCT_VERSION,
      platform: `${process.platform}-${process.arch}`,
      runtime: this.options.runtime,
      dataDir: this.options.dataDir,
    };
  }

  connectionState(): ConnectionState {
    return this.connection;
  }

  protected setConnectionState(state: ConnectionState): void {
    this.connection = state;
    this.events.emit('connection.state', state);
  }

  readonly handlers: CommandHandlers = {
    'app.info': async () => ok(this.info()),
    'connection.get': async (): Promise<CommandResult<ConnectionState>> => ok(this.connectionState()),
  };

  async close(): Promise<void> {}
}
