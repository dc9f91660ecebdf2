/**
 * Secrets never reach a design: environment values are read only to find the services they name,
 * and a variable whose name looks secret is not read at all. Nothing from an environment value is
 * ever copied into a design or an assumption except the name of the service it points at.
 */
const SECRET_NAME = /(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential|auth|session[_-]?key|signing|salt|cert)/i;

/** Whether an environment variable's value must not even be inspected. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * Host names an environment value points at: the host of URLs (`http://users:3001`,
 * `postgres://u:p@db:5432/x`, comma-separated brokers `kafka:9092,kafka-2:9092`) or the bare value of
 * a `*_HOST`/`*_HOSTS`/`*_ADDR`/`*_SERVER(S)`/`*_BROKERS` variable. Credentials in URLs are skipped.
 */
export function hostsIn(name: string, value: string): string[] {
  const hosts: string[] = [];
  for (const part of value.split(/[\s,;]+/)) {
    const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?\[?([A-Za-z0-9_.-]+)\]?(?::\d+)?/i.exec(part);
    if (url) hosts.push(url[1]);
    else if (/(_HOSTS?|_ADDR(ESS)?|_SERVERS?|_BROKERS?|_ENDPOINTS?|_URL)$/i.test(name)) {
      const bare = /^([A-Za-z0-9_.-]+)(?::\d+)?$/.exec(part);
      if (bare) hosts.push(bare[1]);
    }
  }
  return hosts.map((h) => h.toLowerCase());
}
