import { resolve } from 'node:path';
import type { CheckpointSink, RecordForwarder } from '../../bot/ports';
import { JsonLinesForwarder } from '../file/json-lines-forwarder';
import { SyslogCheckpointSink, SyslogRecordForwarder } from './syslog-sinks';
import { parseSyslogUrl, SyslogTransport } from './syslog-transport';

/** The checkpoint sinks and record forwarders the settings name, beyond the file beside the database. */
export function auditOutlets(settings: { checkpointSyslog?: string; forward: readonly string[] }): {
  sinks: CheckpointSink[];
  forwarders: RecordForwarder[];
} {
  const sinks: CheckpointSink[] = settings.checkpointSyslog
    ? [
        new SyslogCheckpointSink(
          new SyslogTransport(parseSyslogUrl(settings.checkpointSyslog)),
          settings.checkpointSyslog,
        ),
      ]
    : [];
  const forwarders = settings.forward.map(
    (target): RecordForwarder =>
      target.startsWith('file:')
        ? new JsonLinesForwarder(resolve(target.slice('file:'.length)))
        : new SyslogRecordForwarder(new SyslogTransport(parseSyslogUrl(target))),
  );
  return { sinks, forwarders };
}
