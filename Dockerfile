# The httpcodes image: the release binary alone on an empty base. GoReleaser
# (dockers_v2 in .goreleaser.yaml) builds it from the binaries it built, one
# per platform, under $TARGETPLATFORM/. Use:
#   docker run --rm -v "$PWD:/src" ghcr.io/httpcodes/httpcodes check
FROM scratch
ARG TARGETPLATFORM
COPY LICENSE /LICENSE
COPY $TARGETPLATFORM/httpcodes /usr/local/bin/httpcodes
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/httpcodes"]
CMD ["check", "."]
