// The simulated fleet's life: sessions, deposits, bins filling and being emptied, faults and repairs.
// Pure and seeded: the same seed and the same clock readings give the same events.
import {
  dashboardUpdated,
  laravelTimestamp,
  NOTIFICATION_CHANNEL,
  onMachine,
  privateMachineChannel,
  statusUpdated,
  type BroadcastEvent,
} from './broadcast-events';
import { FleetModel, statusOf, type Machine, type RvmStatus } from './fleet-model';
import { seededRandom, type SeededRandom } from './seeded-random';

const WASTE_TYPES = ['plastic', 'glass', 'metal', 'paper', 'mixed'] as const;
type WasteType = (typeof WASTE_TYPES)[number];

/** Typical item weight (kg), reward points per kg, and bin space an item takes (% of capacity). */
const WASTE: Readonly<Record<WasteType, { weight: [number, number]; pointsPerKg: number; fill: number }>> = {
  plastic: { weight: [0.015, 0.06], pointsPerKg: 4000, fill: 1.2 },
  glass: { weight: [0.2, 0.5], pointsPerKg: 300, fill: 2.5 },
  metal: { weight: [0.012, 0.03], pointsPerKg: 6000, fill: 0.8 },
  paper: { weight: [0.05, 0.3], pointsPerKg: 500, fill: 1.5 },
  mixed: { weight: [0.05, 0.4], pointsPerKg: 250, fill: 2 },
};

const FIRST_NAMES = ['Budi', 'Siti', 'Agus', 'Dewi', 'Rizky', 'Putri', 'Andi', 'Ayu', 'Joko', 'Rina', 'Fajar', 'Wulan', 'Hendra', 'Intan', 'Yusuf', 'Maya'];
const LAST_NAMES = ['Santoso', 'Wijaya', 'Lestari', 'Saputra', 'Hidayat', 'Pratama', 'Kusuma', 'Nugroho', 'Rahayu', 'Setiawan', 'Siregar', 'Hasibuan'];

/** Chance, each time it is picked, that a machine out of service is put back in service. */
const RECOVERY_CHANCE = 0.15;
/** Chance, each time it is picked, that an idle working machine develops a problem instead of starting a session. */
const FAULT_CHANCE = 0.03;
const FAULTS: readonly (readonly [RvmStatus, number])[] = [
  ['maintenance', 0.5],
  ['error', 0.3],
  ['inactive', 0.2],
];

export class FleetSimulator {
  private readonly random: SeededRandom;
  /**
   * What follows from the last step (the completion after the analysis, a bin filling up) and goes
   * out next. Each runs when it is emitted, so its state change and its timestamp fall together.
   */
  private readonly pending: ((now: number) => BroadcastEvent)[] = [];

  constructor(private readonly fleet: FleetModel, seed: string | number) {
    this.random = seededRandom(`${seed}:events`);
  }

  /** The next machine event at time `now`. Dashboards are not included: they follow a clock of their own. */
  next(now: number): BroadcastEvent {
    this.fleet.startDayIfNeeded(now);
    for (;;) {
      const follow = this.pending.shift();
      if (follow) return follow(now);
      const machines = this.fleet.all();
      const event = this.step(machines[Math.floor(this.random.next() * machines.length)] as Machine, now);
      if (event) return event;
    }
  }

  /** What happens at one machine; undefined when nothing observable does. */
  private step(machine: Machine, now: number): BroadcastEvent | undefined {
    const status = statusOf(machine);
    if (machine.session) return this.continueSession(machine, status, now);
    if (status === 'active' && !this.random.chance(FAULT_CHANCE)) return this.startSession(machine, now);
    if (status !== 'active' && !this.random.chance(RECOVERY_CHANCE)) return undefined;
    // A technician's visit: full bins and machines in maintenance are emptied on the way back.
    if (status === 'full' || status === 'maintenance') this.fleet.setCapacity(machine, 0, now);
    return this.changeStatus(machine, status === 'active' ? this.random.weighted(FAULTS) : 'active', now);
  }

  /** The status event; a notification follows when the change needs someone's attention. */
  private changeStatus(machine: Machine, status: RvmStatus, now: number): BroadcastEvent {
    this.fleet.setStatus(machine, status, now);
    if (status === 'error' || status === 'full') this.pending.push((later) => this.notification(machine, status, later));
    return statusUpdated(machine, now);
  }

  private notification(machine: Machine, status: 'error' | 'full', now: number): BroadcastEvent {
    const full = status === 'full';
    return {
      name: 'system.notification.broadcast',
      channels: [NOTIFICATION_CHANNEL],
      payload: {
        notification_id: `ntf-${machine.id}-${now}`,
        title: full ? 'RVM penuh' : 'RVM error',
        message: full ? `${machine.name} is full and needs emptying` : `${machine.name} reported an error`,
        type: full ? 'warning' : 'error',
        category: 'rvm',
        data: { rvm_id: machine.id, status },
        timestamp: laravelTimestamp(now),
      },
    };
  }

  private startSession(machine: Machine, now: number): BroadcastEvent {
    const authorized = this.random.chance(0.65);
    const sessionId = this.uuid();
    const userId = authorized ? this.random.int(1000, 99_999) : null;
    const userName = authorized ? `${this.random.pick(FIRST_NAMES)} ${this.random.pick(LAST_NAMES)}` : null;
    this.fleet.startSession(machine, {
      id: sessionId,
      userId,
      status: 'active',
      deposits: 0,
      startedAt: now,
      updatedAt: now,
    });
    return authorized
      ? onMachine(machine, 'session.authorized', { session_id: sessionId, user_id: userId, user_name: userName }, now)
      : onMachine(machine, 'session.guest-activated', { session_id: sessionId }, now);
  }

  private continueSession(machine: Machine, status: RvmStatus, now: number): BroadcastEvent | undefined {
    const session = machine.session;
    if (!session) return undefined;
    const sessionId = session.record.id;
    const pending = session.pendingDepositId;
    if (status !== 'active') {
      // Taken out of service mid-session: the item in the chute is rejected and the session ends.
      this.fleet.endSession(machine, now);
      if (pending === null) return undefined;
      return onMachine(machine, 'deposit.failed', { deposit_id: pending, session_id: sessionId, message: 'RVM is not available' }, now);
    }
    if (pending !== null) {
      session.pendingDepositId = null;
      if (this.random.chance(0.1)) {
        return onMachine(machine, 'deposit.failed', { deposit_id: pending, session_id: sessionId, message: this.random.pick(['Item not recognised', 'Item rejected: contains liquid', 'Sensor timeout']) }, now);
      }
      return this.completeDeposit(machine, pending, now);
    }
    if (this.random.chance(0.3)) {
      this.fleet.endSession(machine, now);
      return undefined;
    }
    const depositId = this.fleet.newDepositId();
    session.pendingDepositId = depositId;
    return onMachine(machine, 'deposit.processing', { deposit_id: depositId, session_id: sessionId }, now);
  }

  /** The AI analysis result goes out first (private channel), then the completion. */
  private completeDeposit(machine: Machine, depositId: number, now: number): BroadcastEvent {
    const wasteType = this.random.pick(WASTE_TYPES);
    const waste = WASTE[wasteType];
    const weight = Number((waste.weight[0] + this.random.next() * (waste.weight[1] - waste.weight[0])).toFixed(3));
    const rewardAmount = Math.max(1, Math.round(weight * waste.pointsPerKg));
    const fill = waste.fill * (0.5 + this.random.next());
    const qualityGrade = this.random.pick(['A', 'A', 'B', 'B', 'C']);
    const confidence = Number((0.8 + this.random.next() * 0.19).toFixed(2));
    this.pending.push((later) => this.recordDeposit(machine, depositId, { waste_type: wasteType, weight, reward_amount: rewardAmount }, fill, later));
    return {
      name: 'analisis.selesai',
      channels: [privateMachineChannel(machine)],
      payload: {
        deposit_id: depositId,
        rvm_id: machine.id,
        waste_type: wasteType,
        quality_grade: qualityGrade,
        ai_confidence: confidence,
        reward_amount: rewardAmount,
        status: 'completed',
        analysis_details: { weight, detected_items: 1 },
        timestamp: laravelTimestamp(now),
      },
    };
  }

  /** The deposit lands in the bin; when that fills it, the session ends and the machine reports full. */
  private recordDeposit(
    machine: Machine,
    depositId: number,
    item: { waste_type: WasteType; weight: number; reward_amount: number },
    fill: number,
    now: number,
  ): BroadcastEvent {
    const session = machine.session?.record;
    if (session) {
      session.deposits++;
      session.updatedAt = now;
    }
    machine.deposits_today++;
    const level = machine.capacity + fill;
    // A full bin counts as full only once its status event goes out, so the bin stops just short here.
    this.fleet.setCapacity(machine, Math.min(level, 99.9), now);
    if (level >= 100 && !machine.special_status) {
      this.fleet.endSession(machine, now);
      this.pending.push((later) => this.changeStatus(machine, 'full', later));
    }
    return onMachine(machine, 'deposit.completed', { deposit_id: depositId, session_id: session?.id ?? null, ...item }, now);
  }

  /** A version-4 UUID from the seeded source, so session ids repeat with the seed. */
  private uuid(): string {
    const hex = this.random.hex(32);
    const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

export interface SimulatedEvent extends BroadcastEvent {
  /** Simulated time of the event, ms since the epoch. */
  readonly at: number;
}

export interface SimulateOptions {
  /** Events to generate (dashboards included). */
  readonly events: number;
  readonly rvms?: number;
  readonly seed?: string | number;
  /** Simulated time of the first event; default 2025-01-06T01:00:00Z (08:00 WIB). */
  readonly startTime?: number;
  /** Simulated time between consecutive events. */
  readonly stepMs?: number;
  /** Simulated time between `dashboard.data.updated` events. */
  readonly dashboardEveryMs?: number;
}

export const DEFAULT_SEED = 'demo';

/**
 * The event stream of a fresh simulated fleet, without any network: the same options always give
 * the same sequence. Cheap enough to generate a million events in seconds.
 */
export function* simulate(options: SimulateOptions): Generator<SimulatedEvent, void, undefined> {
  const startTime = options.startTime ?? Date.UTC(2025, 0, 6, 1, 0, 0);
  const stepMs = options.stepMs ?? 100;
  const dashboardEveryMs = options.dashboardEveryMs ?? 5000;
  const seed = options.seed ?? DEFAULT_SEED;
  const fleet = new FleetModel({ rvms: options.rvms ?? 24, seed, now: startTime });
  const simulator = new FleetSimulator(fleet, seed);
  let nextDashboard = startTime + dashboardEveryMs;
  for (let i = 0, at = startTime; i < options.events; i++, at += stepMs) {
    let event: BroadcastEvent;
    if (at >= nextDashboard) {
      nextDashboard += dashboardEveryMs;
      event = dashboardUpdated(fleet, at);
    } else {
      event = simulator.next(at);
    }
    yield { name: event.name, channels: event.channels, payload: event.payload, at };
  }
}
