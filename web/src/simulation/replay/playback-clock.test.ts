import { describe, expect, it } from '@jest/globals';
import { PlaybackClock } from './playback-clock';

describe('the playback clock', () => {
  it('advances simulated time by wall time × speed while playing, not while paused', () => {
    const clock = new PlaybackClock(600);
    clock.tick(1000);
    expect(clock.timeSec).toBe(0);
    clock.play();
    clock.setSpeed(10);
    clock.tick(100);
    expect(clock.timeSec).toBeCloseTo(1);
    clock.pause();
    expect(clock.tick(100)).toBe(false);
    expect(clock.timeSec).toBeCloseTo(1);
  });

  it('stops at the end of the run and starts again from 0 when played there', () => {
    const clock = new PlaybackClock(10);
    clock.seek(9.99);
    clock.setSpeed(60);
    clock.play();
    clock.tick(100);
    expect(clock.timeSec).toBe(10);
    expect(clock.playing).toBe(false);
    clock.play();
    expect(clock.timeSec).toBe(0);
  });

  it('caps a long frame so a background tab does not leap ahead', () => {
    const clock = new PlaybackClock(600);
    clock.play();
    clock.tick(30_000);
    expect(clock.timeSec).toBeCloseTo(0.25);
  });

  it('clamps seeks to the run and refuses nonsense speeds', () => {
    const clock = new PlaybackClock(60);
    clock.seek(-5);
    expect(clock.timeSec).toBe(0);
    clock.seek(99);
    expect(clock.timeSec).toBe(60);
    clock.seek(Number.NaN);
    expect(clock.timeSec).toBe(0);
    clock.setSpeed(0);
    clock.setSpeed(-2);
    expect(clock.speed).toBe(1);
  });
});
