App = lambda do |env|
  return [204, { "content-type" => "text/plain" }, ["gone"]] if env["x"] # codes: 204/send want "bodiless-status: with 204 No Content sends a body"
  return [204, {}, []] if env["y"] # codes: 204/send
  return [304, {}, [""]] if env["w"] # codes: 304/send
  return [302, {}, []] if env["z"] # codes: 302/send want "missing-header: Location"
  # A page that redirects itself with a meta refresh needs no Location.
  return [303, {}, ["<!DOCTYPE html><html><head><meta http-equiv='refresh' content='0; #{env["PATH_INFO"]}' /></head></html>"]] if env["v"] # codes: 303/send
  return [302, {}, ['<META HTTP-EQUIV="Refresh" CONTENT="0; URL=/next">']] if env["u"] # codes: 302/send
  return [303, {}, ["<p>moved to <a href='/next'>/next</a></p>"]] if env["t"] # codes: 303/send want "missing-header: Location"
  [200, { "content-type" => "text/plain" }, ["ok"]] # codes: 200/send
end
