# Numbers and symbols that are not statuses: no line here has a finding.
=begin
render json: x, status: 404
halt 500
=end
PORT = 8080
TIMEOUT = 404
status_text = "render status: 404"
single = 'halt 404'
interp = "head #{count} status: 404 #{ "nested }" } halt 500"
words = %w[head 404 halt 500]
symbols = %i(status not_found)
quoted = %q{render json: x, status: {404}}
dq = %Q<halt 500 #{"<" + x}>
rx = /status: 404|halt 500/i
ratio = total / 404 / 2
css = <<~CSS
  .error { width: 404px; }
  render json: x, status: 404
CSS
first, second = <<-ONE, <<~'TWO'
  halt 404
  ONE
  status 500 #{not interpolated}
TWO
sizes = Array.new(404)
sleep(200)
items.first(404)
x = 404
order.update(status: :accepted)
Order.where(status: 404)
cached = Rails.cache.fetch("k", expires_in: 500)
headers = [200, 201, 202]
pair = [404, "Not Found"]
char = ?a
dollar = $?
rest = "a" \
  "b"
value = cond ? :ok : :not_found
response.status.between?(200, 299)
def status
  @status ||= 404
end
def head(n) = list.first(n)

# A model's status attribute is not an HTTP status (redmine's migration that
# creates the built-in groups): a number outside 100–999 assigned to a
# receiver that is not a response is its own enum value, not invalid-status.
g = GroupAnonymous.new(lastname: "Anonymous")
g.status = 1
user.status = 0
self.status = 3
Issue.find(7).assigned_to.status = 2
