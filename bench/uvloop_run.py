# uvloop_run.py: run a benchmark program under uvloop (bench.py peer):
#   python3.11 bench/uvloop_run.py PROGRAM [ARGS...]
import sys, runpy, asyncio, uvloop
asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
