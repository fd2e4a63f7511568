import type { DependencyKind } from '../dependency.js';

/** What tracegate knows about one kind: where its URL and image come from, how its container listens and says ready. */
export interface DependencyProfile {
  readonly product: string;
  readonly urlVariable: string;
  readonly imageVariable: string;
  readonly defaultImage: string;
  /** Loopback ports the container needs; the first one serves `url`. */
  readonly portCount: number;
  /** A line the container logs once it accepts connections (host networking leaves no mapped port to probe). */
  readonly readyLine: RegExp;
  containerEnv(ports: readonly number[]): Record<string, string>;
  url(ports: readonly number[]): string;
}

const first = (ports: readonly number[]): number => ports[0] ?? 0;

export const dependencyProfiles: Readonly<Record<DependencyKind, DependencyProfile>> = {
  postgres: {
    product: 'PostgreSQL',
    urlVariable: 'DATABASE_URL',
    imageVariable: 'TRACEGATE_POSTGRES_IMAGE',
    defaultImage: 'tracegate/postgres:15',
    portCount: 1,
    readyLine: /database system is ready to accept connections/,
    containerEnv: (ports) => ({ TRACEGATE_PORT: String(first(ports)) }),
    url: (ports) => `postgres://postgres@127.0.0.1:${first(ports)}/postgres`,
  },
  redis: {
    product: 'Redis',
    urlVariable: 'REDIS_URL',
    imageVariable: 'TRACEGATE_REDIS_IMAGE',
    defaultImage: 'tracegate/redis:7',
    portCount: 1,
    readyLine: /Ready to accept connections/,
    containerEnv: (ports) => ({ TRACEGATE_PORT: String(first(ports)) }),
    url: (ports) => `redis://127.0.0.1:${first(ports)}`,
  },
  rabbitmq: {
    product: 'RabbitMQ',
    urlVariable: 'RABBITMQ_URL',
    imageVariable: 'TRACEGATE_RABBITMQ_IMAGE',
    defaultImage: 'tracegate/rabbitmq:3',
    // AMQP, Erlang distribution and epmd: all three would collide between parallel containers on the host network.
    portCount: 3,
    readyLine: /Server startup complete/,
    containerEnv: (ports) => ({
      TRACEGATE_PORT: String(first(ports)),
      TRACEGATE_DIST_PORT: String(ports[1] ?? 0),
      TRACEGATE_EPMD_PORT: String(ports[2] ?? 0),
    }),
    url: (ports) => `amqp://guest:guest@127.0.0.1:${first(ports)}`,
  },
};
