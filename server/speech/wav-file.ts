// The two WAV shapes reply speech needs: raw 16-bit PCM wrapped in a header (ElevenLabs' pcm_*
// formats), and espeak-ng's streamed WAV, whose header carries placeholder sizes that some players
// refuse, repaired to the real ones.

/** A mono 16-bit little-endian PCM WAV around `pcm` (bytes as received). */
export function pcm16ToWav(pcm: Buffer, sampleRate: number): Buffer {
  const even = pcm.subarray(0, pcm.length - (pcm.length % 2));
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + even.length, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(even.length, 40);
  return Buffer.concat([header, even]);
}

/** The same WAV with its RIFF and data sizes set to what the buffer really holds. */
export function repairStreamedWav(wav: Buffer): Buffer {
  if (wav.length < 12 || wav.toString("ascii", 0, 4) !== "RIFF" || wav.toString("ascii", 8, 12) !== "WAVE") {
    throw new Error("not a WAV file (no RIFF/WAVE header)");
  }
  const out = Buffer.from(wav);
  let offset = 12;
  while (offset + 8 <= out.length) {
    const id = out.toString("ascii", offset, offset + 4);
    if (id === "data") {
      out.writeUInt32LE(out.length - offset - 8, offset + 4);
      out.writeUInt32LE(out.length - 8, 4);
      return out;
    }
    offset += 8 + out.readUInt32LE(offset + 4);
  }
  throw new Error("WAV file has no data chunk");
}
