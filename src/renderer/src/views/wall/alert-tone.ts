/** Two falling notes, loud enough to turn heads, short enough not to annoy. */
const NOTES = [
  { frequency: 880, at: 0 },
  { frequency: 660, at: 0.22 },
];
const NOTE_SECONDS = 0.2;
const PEAK_GAIN = 0.35;

/**
 * The wall's alert tone, synthesised with the Web Audio API: no audio file to ship, nothing for the
 * content security policy to allow. Browsers keep audio off until the page has had a user gesture,
 * so the context is made (or woken) by `unlock()`, which the caller runs after one; `onReady` hears
 * whether sound can play, each time that changes.
 */
export class AlertTone {
  private context: AudioContext | null = null;

  constructor(private readonly onReady: (ready: boolean) => void) {}

  get ready(): boolean {
    return this.context?.state === 'running';
  }

  unlock(): void {
    if (!this.context) {
      this.context = new AudioContext();
      this.context.addEventListener('statechange', () => this.onReady(this.ready));
    }
    // Still refused without a gesture: the next gesture tries again.
    if (this.context.state === 'suspended') this.context.resume().catch(() => undefined);
    this.onReady(this.ready);
  }

  play(): void {
    const context = this.context;
    if (!context || !this.ready) return;
    const start = context.currentTime;
    for (const note of NOTES) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      const from = start + note.at;
      oscillator.type = 'sine';
      oscillator.frequency.value = note.frequency;
      // A quick swell and fade: a hard start or stop would click.
      gain.gain.setValueAtTime(0.0001, from);
      gain.gain.exponentialRampToValueAtTime(PEAK_GAIN, from + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, from + NOTE_SECONDS);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(from);
      oscillator.stop(from + NOTE_SECONDS + 0.02);
    }
  }

  close(): void {
    void this.context?.close();
    this.context = null;
  }
}
