/**
 * The trusted keys as go-crypto's `openpgp.ReadArmoredKeyRing` and `EntityList.KeysByIdUsage` see them: entities,
 * their self-signatures, primary identities, subkeys, expiry and revocations (`openpgp/keys.go`), built from
 * OpenPGP.js's parsed keys with go-crypto's choices.
 */

import * as openpgp from 'openpgp';
import { decodeArmor } from './armor.js';
import { invalidArgument } from './packet-reader.js';

/** A primary key or subkey packet of a trusted key. */
export type KeyPacket = openpgp.PublicKeyPacket | openpgp.PublicSubkeyPacket;

/** go-crypto `openpgp.Key`: a (sub)key with the self-signature and revocations that apply to it. */
export interface RingKey {
  entity: RingEntity;
  packet: KeyPacket;
  keyId: string;
  isSubkey: boolean;
  /** go-crypto `Key.SelfSignature`: primary self-signature, or the subkey's latest binding signature. */
  selfSignature?: openpgp.SignaturePacket;
  /** Verified revocations of this key. */
  revocations: openpgp.SignaturePacket[];
}

/** go-crypto `openpgp.Entity`: a primary key, its identities and subkeys. */
export interface RingEntity {
  primary: KeyPacket;
  /** go-crypto `Entity.PrimarySelfSignature()`. */
  primarySelfSignature?: openpgp.SignaturePacket;
  /** Verified revocations of the primary identity, or `null` when there is no primary identity (v6 keys). */
  primaryIdentityRevocations: openpgp.SignaturePacket[] | null;
  /** Verified key revocations. */
  revocations: openpgp.SignaturePacket[];
  keys: RingKey[];
}

/** OpenPGP.js configuration that lets `SignaturePacket.verify` do arithmetic only (go-crypto applies the policy). */
export const PERMISSIVE: openpgp.Config = {
  ...openpgp.config,
  rejectHashAlgorithms: new Set(),
  rejectMessageHashAlgorithms: new Set(),
  rejectPublicKeyAlgorithms: new Set(),
  rejectCurves: new Set(),
  minRSABits: 0,
};

/** `SignaturePacket.verify` skips its own time checks when given a null date. */
export const NO_DATE = null as unknown as Date;

const latest = (sigs: openpgp.SignaturePacket[]) =>
  sigs.reduce<openpgp.SignaturePacket | undefined>(
    (best, s) => (!best || (s.created?.getTime() ?? 0) > (best.created?.getTime() ?? 0) ? s : best),
    undefined,
  );

async function validOnly(
  sigs: openpgp.SignaturePacket[],
  check: (s: openpgp.SignaturePacket) => Promise<void>,
): Promise<openpgp.SignaturePacket[]> {
  const ok: openpgp.SignaturePacket[] = [];
  for (const s of sigs) {
    try {
      await check(s);
      ok.push(s);
    } catch {
      // go-crypto drops (or refuses) revocations it cannot verify
    }
  }
  return ok;
}

const isPrimaryId = (s: openpgp.SignaturePacket | undefined) => s?.isPrimaryUserID === true;

/** go-crypto `shouldPreferIdentity` (v1): fewer revocations, then the primary-user-ID flag, then the later one. */
function shouldPreferIdentity(
  existing: { selfSignature?: openpgp.SignaturePacket; revocations: unknown[] } | undefined,
  candidate: { selfSignature?: openpgp.SignaturePacket; revocations: unknown[] },
): boolean {
  if (!existing) return true;
  if (existing.revocations.length > candidate.revocations.length) return true;
  if (existing.revocations.length < candidate.revocations.length) return false;
  if (!existing.selfSignature) return true;
  if (isPrimaryId(existing.selfSignature) && !isPrimaryId(candidate.selfSignature)) return false;
  if (!isPrimaryId(existing.selfSignature) && isPrimaryId(candidate.selfSignature)) return true;
  return (candidate.selfSignature?.created?.getTime() ?? 0) > (existing.selfSignature.created?.getTime() ?? 0);
}

async function buildEntity(key: openpgp.Key): Promise<RingEntity> {
  const primary = key.keyPacket as KeyPacket;
  const enums = openpgp.enums.signature;
  // Revocations are verified without a date (go-crypto checks their time at verification time, in `revoked`).
  const entity: RingEntity = {
    primary,
    primaryIdentityRevocations: null,
    revocations: await validOnly(key.revocationSignatures, (s) =>
      s.verify(primary, enums.keyRevocation, { key: primary }, NO_DATE, false, PERMISSIVE),
    ),
    keys: [],
  };

  if (primary.version === 6) {
    entity.primarySelfSignature = latest(
      (key as unknown as { directSignatures: openpgp.SignaturePacket[] }).directSignatures,
    );
  } else {
    let chosen: { selfSignature?: openpgp.SignaturePacket; revocations: openpgp.SignaturePacket[] } | undefined;
    for (const user of key.users) {
      if (!user.userID) continue;
      const userID = user.userID;
      const identity = {
        selfSignature: latest(user.selfCertifications),
        revocations: await validOnly(user.revocationSignatures, (s) =>
          s.verify(primary, enums.certRevocation, { key: primary, userID }, NO_DATE, false, PERMISSIVE),
        ),
      };
      if (shouldPreferIdentity(chosen, identity)) chosen = identity;
    }
    entity.primarySelfSignature = chosen?.selfSignature;
    entity.primaryIdentityRevocations = chosen ? chosen.revocations : null;
  }
  entity.keys.push({
    entity,
    packet: primary,
    keyId: primary.getKeyID().toHex(),
    isSubkey: false,
    selfSignature: entity.primarySelfSignature,
    revocations: entity.revocations,
  });
  for (const subkey of key.subkeys) {
    const packet = subkey.keyPacket as KeyPacket;
    entity.keys.push({
      entity,
      packet,
      keyId: packet.getKeyID().toHex(),
      isSubkey: true,
      selfSignature: latest(subkey.bindingSignatures),
      revocations: await validOnly(subkey.revocationSignatures, (s) =>
        s.verify(primary, enums.subkeyRevocation, { key: primary, bind: packet }, NO_DATE, false, PERMISSIVE),
      ),
    });
  }
  return entity;
}

const ringCache = new Map<string, Promise<RingEntity[]>>();

/**
 * go-crypto `openpgp.ReadArmoredKeyRing`: the armor is decoded with go-crypto's rules (no CRC check, type must be
 * a public or private key block), the packets are read by OpenPGP.js `readKeys`. Cached per armored text.
 */
export function readKeyRing(armored: string): Promise<RingEntity[]> {
  let ring = ringCache.get(armored);
  if (!ring) {
    ring = (async () => {
      let block: ReturnType<typeof decodeArmor>;
      try {
        block = decodeArmor(Buffer.from(armored));
      } catch {
        throw new Error(invalidArgument('no armored data found'));
      }
      if (block.type !== 'PGP PUBLIC KEY BLOCK' && block.type !== 'PGP PRIVATE KEY BLOCK') {
        throw new Error(invalidArgument(`expected public or private key block, got: ${block.type}`));
      }
      if (block.bodyError !== undefined) throw new Error(block.bodyError);
      const keys = await openpgp.readKeys({ binaryKeys: block.body, config: PERMISSIVE });
      return Promise.all(keys.map(buildEntity));
    })();
    ringCache.set(armored, ring);
    ring.catch(() => ringCache.delete(armored));
  }
  return ring;
}

/** go-crypto `EntityList.KeysByIdUsage(id, packet.KeyFlagSign)`: the self-signature must carry the sign flag. */
export function keysByIdForSigning(ring: RingEntity[], keyId: string): RingKey[] {
  return ring
    .flatMap((e) => e.keys)
    .filter(
      (k) => k.keyId === keyId && k.selfSignature?.keyFlags != null && (k.selfSignature.keyFlags[0] & 0x02) !== 0,
    );
}
