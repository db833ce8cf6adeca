require "sinatra"

get "/items/:id" do
  item = Item.find(params[:id])
  halt 404 unless item # codes: 404/send
  halt 404, "Forbidden" if item.hidden? # codes: 404/send want "reason-mismatch: halt sends 404 Not Found with the message \"Forbidden\""
  halt 503, { "Retry-After" => "120" }, "Service Unavailable" if item.busy? # codes: 503/send
  status 201 # codes: 201/send
  item.to_json
end

get "/old" do
  redirect to("/new"), 301 # codes: 301/send
end

get "/wrong" do
  redirect "/new", 200 # codes: 200/send want "redirect-status: redirect with 200 OK: a redirect needs a 3xx code"
end

post "/teapot" do
  status(418) # codes: 418/send want "deprecated-status: 418 I'm a teapot, a retired code"
end

class API < Grape::API
  get :secret do
    error!("Unauthorized", 401) # codes: 401/send
    error!({ error: "ok" }, 200) # codes: 200/send want "error-status: error! with 200 OK: it sends an error message"
  end
end

App = lambda do |env|
  [200, { "content-type" => "text/plain" }, ["ok"]] # codes: 200/send
end

class Health
  def call(env)
    return [503, headers, body] if down? # codes: 503/send
    [2000, {}, []] # codes: 2000/send want "invalid-status: Rack response with 2000"
  end
end

map "/ping" do
  run ->(env) { [299, {}, ["pong"]] } # codes: 299/send want "unknown-status: Rack response with 299: no registry or known vendor defines 299"
end

def rack_response
  response = Rack::Response.new("Not here", 404, {}) # codes: 404/send
  response.status = 499 # codes: 499/send want "nonstandard-status: nginx"
  response.status = 2000 # codes: 2000/send want "invalid-status: response.status = with 2000"
  @response.status = 99 # codes: 99/send want "invalid-status"
  response
end
