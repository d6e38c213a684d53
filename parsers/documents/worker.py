"""Entry point of the bounded extraction process: python -m parsers.documents.worker MEMORY PARENT_PID."""
import sys

from parsers.documents.limits import serve

if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer, int(sys.argv[1]), int(sys.argv[2]))
