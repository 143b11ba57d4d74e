import "server-only";
import { createHash, sign, type KeyObject, type X509Certificate } from "node:crypto";

/*
 * The pass signature: a detached CMS (PKCS #7) SignedData over manifest.json,
 * carrying the pass certificate and Apple's WWDR certificate, with the
 * content-type, signing-time and message-digest attributes Wallet expects.
 *
 * Why not passkit-generator's own signing: it runs node-forge's RSA in
 * JavaScript, about 80 ms of blocked event loop per pass on CI's machine.
 * Here the one RSA operation is Node's (OpenSSL) crypto.sign, well under a
 * millisecond, and the few hundred bytes of ASN.1 around it are written by
 * the small DER encoder below. passkit-generator still builds and validates
 * the pass itself (build-pass.ts).
 */

const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  sha256: "2.16.840.1.101.3.4.2.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
};

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

const sequence = (...items: Buffer[]) => tlv(0x30, ...items);
/** DER sorts the members of a SET OF by their encodings. */
const setOf = (...items: Buffer[]) => tlv(0x31, ...[...items].sort(Buffer.compare));
const integer = (value: number) => tlv(0x02, Buffer.from([value]));
const octetString = (bytes: Buffer) => tlv(0x04, bytes);
const nullValue = Buffer.from([0x05, 0x00]);

function oid(dotted: string): Buffer {
  const parts = dotted.split(".").map(Number);
  const bytes = [parts[0]! * 40 + parts[1]!];
  for (const part of parts.slice(2)) {
    const chunk = [part & 0x7f];
    for (let rest = part >>> 7; rest > 0; rest >>>= 7) chunk.unshift((rest & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function utcTime(date: Date): Buffer {
  const two = (n: number) => String(n).padStart(2, "0");
  const text = `${two(date.getUTCFullYear() % 100)}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(text, "ascii"));
}

/** Reads one DER element at `offset`: its tag, where its content starts and where it ends. */
function readElement(der: Buffer, offset: number): { tag: number; start: number; end: number } {
  const tag = der[offset]!;
  let lengthByte = der[offset + 1]!;
  let start = offset + 2;
  let size = lengthByte;
  if (lengthByte & 0x80) {
    lengthByte &= 0x7f;
    size = 0;
    for (let i = 0; i < lengthByte; i++) size = size * 256 + der[start + i]!;
    start += lengthByte;
  }
  return { tag, start, end: start + size };
}

/** The certificate's issuer Name and serial number INTEGER, as DER, for the SignerInfo's IssuerAndSerialNumber. */
export function issuerAndSerialNumber(certificateDer: Buffer): Buffer {
  const certificate = readElement(certificateDer, 0);
  const tbs = readElement(certificateDer, certificate.start);
  let cursor = tbs.start;
  let element = readElement(certificateDer, cursor);
  if (element.tag === 0xa0) {
    cursor = element.end; // explicit version
    element = readElement(certificateDer, cursor);
  }
  const serial = certificateDer.subarray(cursor, element.end);
  const algorithm = readElement(certificateDer, element.end);
  const issuerElement = readElement(certificateDer, algorithm.end);
  const issuer = certificateDer.subarray(algorithm.end, issuerElement.end);
  return sequence(issuer, serial);
}

export type ManifestSigner = {
  signerCert: X509Certificate;
  wwdrCert: X509Certificate;
  signerKey: KeyObject;
};

type PreparedSigner = { certificates: Buffer; sid: Buffer; signatureAlgorithm: Buffer; key: KeyObject };
const prepared = new WeakMap<X509Certificate, PreparedSigner>();

function prepare(signer: ManifestSigner): PreparedSigner {
  let ready = prepared.get(signer.signerCert);
  if (!ready) {
    const ec = signer.signerKey.asymmetricKeyType === "ec";
    ready = {
      certificates: tlv(0xa0, signer.wwdrCert.raw, signer.signerCert.raw),
      sid: issuerAndSerialNumber(signer.signerCert.raw),
      signatureAlgorithm: ec ? sequence(oid(OID.ecdsaWithSha256)) : sequence(oid(OID.rsaEncryption), nullValue),
      key: signer.signerKey,
    };
    prepared.set(signer.signerCert, ready);
  }
  return ready;
}

/** The `signature` file of a pass: a detached CMS SignedData over `manifest` (DER). */
export function signManifest(manifest: Buffer, signer: ManifestSigner, signingTime: Date): Buffer {
  const { certificates, sid, signatureAlgorithm, key } = prepare(signer);
  const digestAlgorithm = sequence(oid(OID.sha256), nullValue);
  const attributes = [
    sequence(oid(OID.contentType), setOf(oid(OID.data))),
    sequence(oid(OID.signingTime), setOf(utcTime(signingTime))),
    sequence(oid(OID.messageDigest), setOf(octetString(createHash("sha256").update(manifest).digest()))),
  ];
  // The signature covers the attributes encoded as a SET (tag 0x31); in the SignerInfo they are [0] IMPLICIT.
  const signedAttributes = setOf(...attributes);
  const signature = sign("sha256", signedAttributes, key);
  const signerInfo = sequence(
    integer(1),
    sid,
    digestAlgorithm,
    Buffer.concat([Buffer.from([0xa0]), signedAttributes.subarray(1)]),
    signatureAlgorithm,
    octetString(signature),
  );
  const signedData = sequence(integer(1), setOf(digestAlgorithm), sequence(oid(OID.data)), certificates, setOf(signerInfo));
  return sequence(oid(OID.signedData), tlv(0xa0, signedData));
}
