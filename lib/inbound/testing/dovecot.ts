import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, connect } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ImapFlow } from "imapflow";

/**
 * A throwaway Dovecot IMAP server for integration tests: Debian's dovecot on 127.0.0.1 and a free
 * port, plaintext login without TLS, one user, maildir storage, everything in a temp dir that
 * stop() removes. The system's own dovecot service (if any) is neither needed nor touched.
 */

const DOVECOT = "/usr/sbin/dovecot";
const DOVEADM = "/usr/bin/doveadm";
const USER = "support";
const PASSWORD = "test-password";
const START_TIMEOUT_MS = 10_000;

const run = promisify(execFile);

export type DovecotServer = {
  host: "127.0.0.1";
  port: number;
  user: string;
  password: string;
  /** Stores a message in the mailbox (default INBOX) as a mail client would (IMAP APPEND). */
  appendMessage(raw: string | Buffer, mailbox?: string): Promise<void>;
  createMailbox(name: string): Promise<void>;
  /** Deletes and creates the mailbox again: its messages are gone, UIDs restart at 1, UIDVALIDITY changes. */
  recreateMailbox(name: string): Promise<void>;
  /** Deletes (expunges) one message by UID, as another mail client would. */
  deleteMessage(uid: number, mailbox?: string): Promise<void>;
  /** Sets a mailbox's UIDVALIDITY in place (works for INBOX, which IMAP cannot delete). */
  setUidValidity(mailbox: string, uidValidity: number): Promise<void>;
  uidValidity(mailbox: string): Promise<bigint>;
  /** The server's log so far (logins, logouts, errors). */
  readLog(): Promise<string>;
  stop(): Promise<void>;
};

type Account = { name: string; uid: number; gid: number; group: string };

/** The entries of /etc/passwd or /etc/group, split into fields. */
function systemEntries(file: "/etc/passwd" | "/etc/group"): string[][] {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").map((line) => line.split(":")) : [];
}

function groupName(gid: number): string {
  return systemEntries("/etc/group").find((fields) => Number(fields[2]) === gid)?.[0] ?? String(gid);
}

function lookUpAccount(name: string): Account | null {
  const fields = systemEntries("/etc/passwd").find((entry) => entry[0] === name);
  if (!fields) return null;
  return { name, uid: Number(fields[2]), gid: Number(fields[3]), group: groupName(Number(fields[3])) };
}

/**
 * Who the server's processes run as. Dovecot refuses uid 0 for mail and root for its login
 * processes, so as root the package's own `dovecot`/`dovenull` accounts are used; as anyone
 * else everything runs as that user (no privilege changes are possible anyway).
 */
function processAccounts(): { internal: Account; login: Account; mail: Account } {
  const me = os.userInfo();
  if (me.uid !== 0) {
    const self = { name: me.username, uid: me.uid, gid: me.gid, group: groupName(me.gid) };
    return { internal: self, login: self, mail: self };
  }
  const dovecot = lookUpAccount("dovecot");
  const dovenull = lookUpAccount("dovenull");
  if (!dovecot || !dovenull) throw new Error("the dovecot/dovenull users are missing: reinstall dovecot-core (apt-get install -y dovecot-imapd)");
  return { internal: dovecot, login: dovenull, mail: dovecot };
}

async function dovecotVersion(): Promise<[number, number]> {
  const { stdout } = await run(DOVECOT, ["--version"]);
  const [major = 0, minor = 0] = stdout.trim().split(/[.\s]/).map(Number);
  return [major, minor];
}

function configFor(version: [number, number], dir: string, port: number, accounts: ReturnType<typeof processAccounts>): string {
  const common = [
    "protocols = imap",
    "listen = 127.0.0.1",
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${dir}/dovecot.log`,
    `info_log_path = ${dir}/dovecot.log`,
    "ssl = no",
    "auth_mechanisms = plain login",
    // A test of a wrong password should not slow down the next logins: no failure delay, no growing penalty.
    "auth_failure_delay = 0",
    "service anvil {\n  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n}",
    "first_valid_uid = 0",
    "first_valid_gid = 0",
    `default_internal_user = ${accounts.internal.name}`,
    `default_internal_group = ${accounts.internal.group}`,
    `default_login_user = ${accounts.login.name}`,
    `mail_uid = ${accounts.mail.uid}`,
    `mail_gid = ${accounts.mail.gid}`,
    // The login processes would chroot into base_dir/login, which needs root-owned parents.
    "service imap-login {\n  chroot =\n  inet_listener imap {\n    port = " + port + "\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}",
  ];
  const [major, minor] = version;
  if (major > 2 || (major === 2 && minor >= 4)) {
    // Dovecot 2.4 renamed many settings; this variant follows its documentation (not run here: Debian 12 ships 2.3).
    return [
      "dovecot_config_version = 2.4.0",
      "dovecot_storage_version = 2.4.0",
      ...common,
      "auth_allow_cleartext = yes",
      "mail_driver = maildir",
      `mail_home = ${dir}/home/%{user}`,
      `mail_path = ${dir}/mail/%{user}`,
      `passdb passwd-file {\n  passwd_file_path = ${dir}/passwd\n}`,
      "userdb static {\n}",
      "",
    ].join("\n");
  }
  return [
    ...common,
    "disable_plaintext_auth = no",
    `mail_home = ${dir}/home/%u`,
    `mail_location = maildir:${dir}/mail/%u`,
    `passdb {\n  driver = passwd-file\n  args = ${dir}/passwd\n}`,
    "userdb {\n  driver = static\n  args = allow_all_users=yes\n}",
    "",
  ].join("\n");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function logTail(dir: string, output: string[]): Promise<string> {
  const log = await readFile(path.join(dir, "dovecot.log"), "utf8").catch(() => "");
  return (log + output.join("")).trim().split("\n").slice(-15).join("\n");
}

/** Starts dovecot and resolves once its port accepts connections; rejects with its log when it dies. */
async function launch(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(DOVECOT, ["-F", "-c", path.join(dir, "dovecot.conf")], { stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`dovecot exited (${child.exitCode ?? child.signalCode}):\n${await logTail(dir, output)}`);
    }
    if (await accepts(port)) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGKILL");
  await exited(child);
  throw new Error(`dovecot did not accept connections on 127.0.0.1:${port} within ${START_TIMEOUT_MS} ms:\n${await logTail(dir, output)}`);
}

export async function startDovecot(): Promise<DovecotServer> {
  if (!existsSync(DOVECOT)) {
    throw new Error(`${DOVECOT} is missing: install dovecot-imapd (apt-get install -y dovecot-imapd) to run the IMAP tests`);
  }
  const version = await dovecotVersion();
  const accounts = processAccounts();
  const dir = await mkdtemp(path.join(os.tmpdir(), "privacy-desk-dovecot-"));
  // The mail and login processes run as other users: they must reach the dir and its files.
  await chmod(dir, 0o755);
  for (const sub of ["run", "state", "mail", "home"]) await mkdir(path.join(dir, sub));
  await chown(path.join(dir, "mail"), accounts.mail.uid, accounts.mail.gid);
  await chown(path.join(dir, "home"), accounts.mail.uid, accounts.mail.gid);
  await writeFile(path.join(dir, "passwd"), `${USER}:{PLAIN}${PASSWORD}::::::\n`, { mode: 0o644 });

  let child: ChildProcess | undefined;
  let port = 0;
  // The free port may be taken between finding and binding it: try a few.
  for (let attempt = 1; !child; attempt++) {
    port = await freePort();
    await writeFile(path.join(dir, "dovecot.conf"), configFor(version, dir, port, accounts));
    try {
      child = await launch(dir, port);
    } catch (error) {
      if (attempt >= 3) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const server = child;
  // A test process that dies without stop() must not leave the server running.
  const killOnExit = () => server.kill("SIGKILL");
  process.once("exit", killOnExit);

  let client: ImapFlow | undefined;
  async function imap(): Promise<ImapFlow> {
    if (client?.usable) return client;
    client = new ImapFlow({ host: "127.0.0.1", port, secure: false, auth: { user: USER, pass: PASSWORD }, logger: false, disableAutoIdle: true });
    client.on("error", () => {});
    await client.connect();
    return client;
  }

  return {
    host: "127.0.0.1",
    port,
    user: USER,
    password: PASSWORD,
    async appendMessage(raw, mailbox = "INBOX") {
      const appended = await (await imap()).append(mailbox, raw);
      if (!appended) throw new Error(`APPEND to ${mailbox} failed`);
    },
    async createMailbox(name) {
      await (await imap()).mailboxCreate(name);
    },
    async recreateMailbox(name) {
      const connection = await imap();
      // A selected mailbox cannot be deleted cleanly; this connection never needs one selected.
      if (connection.mailbox) await connection.mailboxClose();
      await connection.mailboxDelete(name);
      await connection.mailboxCreate(name);
    },
    async deleteMessage(uid, mailbox = "INBOX") {
      const connection = await imap();
      await connection.mailboxOpen(mailbox);
      await connection.messageDelete(String(uid), { uid: true });
      await connection.mailboxClose();
    },
    async setUidValidity(mailbox, uidValidity) {
      await run(DOVEADM, ["-c", path.join(dir, "dovecot.conf"), "mailbox", "update", "-u", USER, "--uid-validity", String(uidValidity), mailbox]);
    },
    async uidValidity(mailbox) {
      const status = await (await imap()).status(mailbox, { uidValidity: true });
      if (!status || status.uidValidity === undefined) throw new Error(`no UIDVALIDITY for ${mailbox}`);
      return status.uidValidity;
    },
    readLog: () => readFile(path.join(dir, "dovecot.log"), "utf8"),
    async stop() {
      await client?.logout().catch(() => client?.close());
      server.kill("SIGTERM");
      const stopped = await Promise.race([exited(server).then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000))]);
      if (!stopped) {
        server.kill("SIGKILL");
        await exited(server);
      }
      process.removeListener("exit", killOnExit);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
