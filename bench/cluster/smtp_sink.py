#!/usr/bin/env python3
"""A loopback SMTP server for the fault tests: accepts every message and appends one line per message to a file,
"<epoch> <X-Pathways-Notification> <Message-ID>", so the tests can count e-mails lost or doubled.
    python3 bench/cluster/smtp_sink.py PORT FILE        (stops when killed)"""
import email
import sys
import time
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
import asyncore  # noqa: E402  (Python 3.11 still has asyncore and smtpd; enough for a test sink)
import smtpd  # noqa: E402


class Sink(smtpd.SMTPServer):
    def __init__(self, port, path):
        super().__init__(("127.0.0.1", port), None, decode_data=False)
        self.path = path

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        message = email.message_from_bytes(data)
        with open(self.path, "a") as out:
            out.write("%d %s %s\n" % (time.time(), message.get("X-Pathways-Notification", "-"),
                                      message.get("Message-ID", "-")))
        return None


if __name__ == "__main__":
    Sink(int(sys.argv[1]), sys.argv[2])
    asyncore.loop(timeout=1)
