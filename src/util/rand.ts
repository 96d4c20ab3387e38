// Randomness for generated names, IPs, UIDs and ports. With KUBESIM_SEED the stream is a pure
// function of (seed, counter) and the counter is kept in the state file, so a scripted session
// replays the same names and IPs; without it, the stream comes from Math.random (names and IPs
// need to look random, not to be secret — and loading node:crypto costs start-up time).

/** kube's generateName alphabet (no vowels, no confusable characters). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export interface RandomSource {
  /** A uniform 32-bit unsigned integer. */
  next32(): number;
}

/** splitmix32 over (seed, counter): good enough to look random, trivially reproducible. */
export class SeededRandom implements RandomSource {
  constructor(
    private seed: number,
    public counter: number,
  ) {}
  next32(): number {
    let z = (this.seed ^ Math.imul(this.counter++ + 1, 0x9e3779b9)) >>> 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }
}

export class MathRandom implements RandomSource {
  next32(): number {
    return Math.floor(Math.random() * 0x1_0000_0000) >>> 0;
  }
}

export class Rand {
  constructor(private src: RandomSource) {}
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor((this.src.next32() / 0x1_0000_0000) * n);
  }
  /** `n` characters of the generateName alphabet. */
  suffix(n = 5): string {
    let s = '';
    for (let i = 0; i < n; i++) s += NAME_ALPHABET[this.int(NAME_ALPHABET.length)];
    return s;
  }
  hex(n: number): string {
    let s = '';
    while (s.length < n) s += this.src.next32().toString(16).padStart(8, '0');
    return s.slice(0, n);
  }
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[this.int(4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}
