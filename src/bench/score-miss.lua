-- wrk script: asks the score of a shop picked at random from $BENCH_SLUGS (one slug per line), so
-- that concurrent requests mostly name different shops, as badges on many shops' pages do.
local slugs = {}

function init(args)
  for line in io.lines(os.getenv("BENCH_SLUGS")) do slugs[#slugs + 1] = line end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
  return wrk.format("GET", "/api/v1/shops/" .. slugs[math.random(#slugs)] .. "/score")
end
