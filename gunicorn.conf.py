"""Production settings of gunicorn, which reads ./gunicorn.conf.py by default.

`gunicorn octet.wsgi` run from the project folder uses them; command-line options still win.
"""

# Load Octet once in the master and warm it there: workers are forked warm and share memory.
preload_app = True


def when_ready(server):
    from octet.learning.warmup import warm_up

    server.log.info("Octet is warm: %d challenge pages rendered", warm_up())
