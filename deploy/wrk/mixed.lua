-- wrk script for make bench's load scenario (deploy/bench.py): visitors reading the public
-- pages, and now and then one of them signing up to the newsletter from a page's Join us box.
--
--   wrk -s deploy/wrk/mixed.lua URL -- PLAN RUN EVERY WAIT MARGIN SECONDS ORIGIN
--
-- PLAN     a file of tab-separated lines: "page<TAB>/path" for each page to read (asked for
--          gzipped, as browsers do), and "form<TAB>/join-us/<TAB>12 34" for each Join us page
--          (read too, uncompressed: wrk cannot gunzip, and the signups send its time stamp)
--          with the topics it offers, which differ by language
-- RUN      a word in every address signed up (load-RUN-THREAD-N@bench.example.org), so that
--          the run's signups can be counted in the database afterwards
-- EVERY    one request in EVERY is a signup (a page instead until a time stamp is WAIT
--          seconds old, and in the last MARGIN seconds)
-- WAIT     seconds between reading a page and sending its form: the form's signed time stamp
--          (hidden field "started") must be older than NEWSLETTER_MIN_FORM_SECONDS, or the
--          signup is taken for a script's and silently dropped
-- MARGIN   no signup is sent in the last MARGIN seconds, so that each one is answered before
--          wrk stops (wrk drops the requests still waiting at the end, uncounted)
-- SECONDS  the run's duration (wrk's -d)
-- ORIGIN   the site's address, sent as a browser does with a form (the view checks it)
--
-- Each signup is from its own client address, in X-Forwarded-For: the site limits signups per
-- address, and the bench's stack trusts the entry wrk writes (bench.py explains how).
--
-- done() prints what it counted for bench.py to read: "signups sent N", "signups accepted N"
-- (answered with the redirect to the "check your email" page) and "status CODE N" for every
-- status answered.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("id", #threads)
end

local function escape(text)
   return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

function init(args)
   run, every, wait, margin = args[2], tonumber(args[3]), tonumber(args[4]), tonumber(args[5])
   local seconds, origin = tonumber(args[6]), args[7]
   pages, forms = {}, {}
   for line in io.lines(args[1]) do
      local kind, path, topics = line:match("^(%a+)\t([^\t]+)\t?(.*)$")
      if kind == "page" then
         -- Compressed, as browsers ask (Varnish keeps pages gzipped).
         table.insert(pages, wrk.format("GET", path, {["Accept-Encoding"] = "gzip"}))
      elseif kind == "form" then
         -- The Join us page itself, read uncompressed: its time stamp is what the signups
         -- send (wrk cannot gunzip).
         table.insert(pages, wrk.format("GET", path))
         local fields = ""
         for topic in topics:gmatch("%d+") do fields = fields .. "&topics=" .. topic end
         table.insert(forms, {path = path, topics = fields})
      end
   end
   assert(#pages > 0 and #forms > 0, "the plan has no pages or no form")
   headers = {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Origin"] = origin,
      ["Sec-Fetch-Site"] = "same-origin",
   }
   -- Threads start at different places in the list, so that they do not ask for the same pages
   -- at the same moment.
   math.randomseed(id)
   next_page = math.random(#pages) - 1
   count, sent, accepted, statuses = 0, 0, 0, {}
   stamps, last_stamp_at = {}, 0
   signups_until = os.time() + seconds - margin
end

-- The newest stamp read at least WAIT seconds ago (os.time counts whole seconds, so such a
-- stamp was made more than WAIT - 1 seconds ago), or nil; older ones are forgotten.
local function usable_stamp()
   local now = os.time()
   while stamps[2] and now - stamps[2].read_at >= wait do table.remove(stamps, 1) end
   if stamps[1] and now - stamps[1].read_at >= wait then return stamps[1].value end
end

local function signup(stamp)
   sent = sent + 1
   local form = forms[sent % #forms + 1]
   -- A client address of its own: 10.x.y.z, numbered by thread and signup.
   local n = (id - 1) * 4194304 + sent
   headers["X-Forwarded-For"] = string.format(
      "10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
   local email = string.format("load-%s-%d-%d@bench.example.org", run, id, sent)
   local body = "email=" .. escape(email) .. "&consent=on&website=&started=" .. escape(stamp)
      .. form.topics
   return wrk.format("POST", form.path, headers, body)
end

function request()
   count = count + 1
   if count % every == 0 and os.time() < signups_until then
      local stamp = usable_stamp()
      if stamp then return signup(stamp) end
   end
   next_page = next_page % #pages + 1
   return pages[next_page]
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
   if status == 302 and (headers["Location"] or ""):find("/join-us/thanks/", 1, true) then
      accepted = accepted + 1
   elseif status == 200 and os.time() > last_stamp_at and not headers["Content-Encoding"] then
      -- A Join us page: the time stamp of when it was made (at most one a second is kept).
      local stamp = body:match('name="started" value="([^"]+)"')
      if stamp then
         last_stamp_at = os.time()
         table.insert(stamps, {read_at = last_stamp_at, value = stamp})
      end
   end
end

function done(summary, latency, requests)
   local total_sent, total_accepted, total_statuses = 0, 0, {}
   for _, thread in ipairs(threads) do
      total_sent = total_sent + thread:get("sent")
      total_accepted = total_accepted + thread:get("accepted")
      for status, count in pairs(thread:get("statuses")) do
         total_statuses[status] = (total_statuses[status] or 0) + count
      end
   end
   io.write(string.format("signups sent %d\nsignups accepted %d\n", total_sent, total_accepted))
   for status, count in pairs(total_statuses) do
      io.write(string.format("status %d %d\n", status, count))
   end
end
