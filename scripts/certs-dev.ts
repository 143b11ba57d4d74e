// npm run certs:dev: a local CA, a stand-in for Apple's WWDR G4 certificate and a pass signer in .data/certs/,
// so a newcomer gets structurally valid, signed passes without an Apple account (an iPhone will not install
// them: it trusts only Apple's chain). Prints the settings to put in .env.
import path from "node:path";
import { devCertificateEnv, generateDevCertificates } from "@/lib/wallet/apple/dev-certificates";
import { argValue, runCli } from "./cli";

runCli(async () => {
  const args = process.argv.slice(2);
  const dir = path.resolve(argValue(args, "dir") ?? path.join(".data", "certs"));
  const paths = generateDevCertificates(dir, { passTypeId: argValue(args, "pass-type-id"), teamId: argValue(args, "team-id") });
  console.log(`Dev certificates written to ${dir} (not Apple's: passes will not install on a real iPhone).`);
  console.log("Add these to your .env:\n");
  for (const [name, value] of Object.entries(devCertificateEnv(paths))) console.log(`${name}=${value}`);
});
