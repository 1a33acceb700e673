/**
 * First words sooner: the offline voice is warm before the first reply, speaks the first sentence as
 * soon as its text is out, and every audio frame follows the text it speaks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { speakAndStream } from '../../src/agent/speakAndStream.js';
import { FliteSynthesizer } from '../../src/agent/tts/flite.js';
import { sentences } from '../../src/agent/tts/sentences.js';
import type { AudioChunk } from '../../src/agent/tts/types.js';
import type { ServerFrame } from '../../src/protocol/index.js';

/** Remembers which sentence each chunk of audio speaks. */
class RecordingFlite extends FliteSynthesizer {
  readonly rendered: string[] = [];
  override async render(text: string): Promise<AudioChunk> {
    const chunk = await super.render(text);
    this.rendered.push(text);
    return chunk;
  }
}

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, child: () => quiet };

let flite: RecordingFlite;
beforeAll(async () => {
  flite = new RecordingFlite();
  await flite.warm();
});
afterAll(async () => {
  await flite.close();
});

describe('first words sooner', () => {
  it('ends the first piece at a sentence end that closes the text so far, without waiting for the next delta', async () => {
    let pulled = 0;
    async function* deltas() {
      for (const d of ['You have two', ' events.', ' Lunch with Dr.', ' Patel at 12.', '30 today.']) {
        pulled++;
        yield d;
      }
    }
    const pieces: Array<[string, number]> = [];
    for await (const piece of sentences(deltas())) pieces.push([piece, pulled]);
    expect(pieces).toEqual([
      ['You have two events.', 2],
      ['Lunch with Dr. Patel at 12.30 today.', 5],
    ]);
  });

  it('speaks the first sentence while the rest of the reply is still being written, each audio frame after its text', async () => {
    const frames: ServerFrame[] = [];
    let firstAudio: () => void = () => undefined;
    const audioStarted = new Promise<void>((resolve) => (firstAudio = resolve));
    let textSoFar = '';
    // For each audio frame: the sentence it speaks, and the text already on the wire when it went out.
    const spoken: Array<{ sentence: string | undefined; textBefore: string }> = [];
    const send = (frame: ServerFrame) => {
      frames.push(frame);
      if (frame.type === 'agent_stream') textSoFar += frame.delta;
      if (frame.type === 'tts_audio' && !frame.last) {
        spoken.push({ sentence: flite.rendered.at(-1), textBefore: textSoFar });
        firstAudio();
      }
    };
    // The reply's second sentence is only written once the first one is heard: if speech waited for
    // more text (or for the end of the reply), this would never finish.
    async function* deltas() {
      yield 'Tomorrow you have';
      yield ' two events.';
      await audioStarted;
      yield ' The NDA review is at ten,';
      yield ' and lunch with Sam at noon.';
    }
    const { speech } = await speakAndStream({ requestId: 'r1', deltas: deltas(), send, speech: flite, logger: quiet as never });
    await speech;
    expect(flite.rendered).toEqual(['Tomorrow you have two events.', 'The NDA review is at ten, and lunch with Sam at noon.']);
    expect(spoken.length).toBeGreaterThanOrEqual(2);
    for (const { sentence, textBefore } of spoken) expect(textBefore).toContain(sentence);
    const kinds = frames.map((f) => (f.type === 'tts_audio' ? (f.last ? 'tts_last' : 'tts') : f.type));
    const firstTts = kinds.indexOf('tts');
    expect(kinds.slice(0, firstTts)).toEqual(['agent_stream', 'agent_stream']);
    expect(kinds.lastIndexOf('agent_stream')).toBeGreaterThan(firstTts);
    expect(kinds.at(-1)).toBe('tts_last');
  });
});
