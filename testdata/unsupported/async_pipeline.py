# async pipeline: async generator stages, asend/athrow, cancellation propagation, TaskGroup sibling cancel
import asyncio


async def source(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def stage(agen, f):
    async for x in agen:
        y = f(x)
        if y is not None:
            yield y


async def running_mean():
    total, n = 0.0, 0
    value = None
    while True:
        try:
            x = yield value
        except ValueError as e:
            value = f"reset ({e})"
            total, n = 0.0, 0
            continue
        total += x
        n += 1
        value = total / n


async def main():
    pipe = stage(stage(source(10), lambda v: v * v), lambda v: v if v % 2 else None)
    print([v async for v in pipe])

    rm = running_mean()
    print(await rm.asend(None))
    print([await rm.asend(v) for v in (2, 4, 9)])
    print(await rm.athrow(ValueError("bad sensor")))
    print(await rm.asend(10))
    await rm.aclose()
    try:
        await rm.asend(1)
    except StopAsyncIteration:
        print("closed agen -> StopAsyncIteration")

    log = []

    async def child(name, d):
        try:
            await asyncio.sleep(d)
            log.append(f"{name} finished")
            return name
        except asyncio.CancelledError:
            log.append(f"{name} cancelled")
            raise

    g = asyncio.gather(child("a", 0.001), child("b", 0.05))
    await asyncio.sleep(0.005)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", sorted(log))

    log.clear()

    async def failing():
        await asyncio.sleep(0.002)
        raise KeyError("fail fast")

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("x", 0.05))
            tg.create_task(child("y", 0.06))
            tg.create_task(failing())
    except ExceptionGroup as eg:
        print("caught group:", [repr(e) for e in eg.exceptions])
    print(sorted(log))

    done, pending = await asyncio.wait([asyncio.create_task(child(n, d)) for n, d in (("p", 0.001), ("q", 0.05))], timeout=0.01)
    print(sorted(t.result() for t in done), len(pending))
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    print(all(t.cancelled() for t in pending))

    async def outer():
        inner = asyncio.create_task(child("inner", 0.05))
        try:
            return await inner
        finally:
            log.append(f"outer finally inner.cancelled={inner.cancelled()}")

    log.clear()
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.001)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(log, t.cancelled())

    async def deadline():
        async with asyncio.timeout(0.002) as cm:
            await asyncio.sleep(0.001)
            cm.reschedule(asyncio.get_running_loop().time() + 0.05)
            await asyncio.sleep(0.005)
            return "rescheduled ok"

    print(await deadline())
    r = await asyncio.to_thread(sum, range(100))
    loop = asyncio.get_running_loop()
    r2 = await loop.run_in_executor(None, pow, 2, 20)
    print(r, r2)


asyncio.run(main())
