# shellcheck shell=bash
# nginx as the design's load balancer, shared by bench/run.sh and bench/scale-out/run.sh: round robin over the
# instances, keep-alive to them, passive health checks (after 2 failed attempts within 5 s an instance gets no
# requests for 5 s), and a request no instance answered sent to the other one (a POST only if it was not sent yet;
# 503 included, so a shed request is tried on the other instance).
#   write_nginx_conf DIR PORT ACCESS_LOG UPSTREAM...   (ACCESS_LOG: a file, or "off"; UPSTREAM: host:port)
#   start_nginx_in DIR / stop_nginx_in DIR
write_nginx_conf() {
  local dir="$1" port="$2" access_log="$3"
  shift 3
  mkdir -p "$dir/logs" "$dir/temp"
  chmod -R 777 "$dir"
  local servers="" upstream
  for upstream in "$@"; do
    servers="$servers        server ${upstream#http://} max_fails=2 fail_timeout=5s;
"
  done
  cat > "$dir/nginx.conf" << NGINX
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log $access_log;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    upstream bazaar {
$servers        keepalive 256;
    }
    server {
        listen 127.0.0.1:$port;
        location / {
            proxy_pass http://bazaar;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_connect_timeout 1s;
            proxy_read_timeout 30s;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_next_upstream_tries 2;
        }
    }
}
NGINX
}

start_nginx_in() { nginx -p "$1" -c "$1/nginx.conf"; }

stop_nginx_in() { nginx -p "$1" -c "$1/nginx.conf" -s stop 2> /dev/null || true; }
