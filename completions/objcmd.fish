function __fish_objcmd_profiles
    set -l cmd (commandline -opc)
    command $cmd[1] config profiles 2>/dev/null
end

# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_objcmd_global_optspecs
    string join \n p/profile= config= provider= endpoint= region= access-key= secret-key= security-token= anonymous addressing= cname signature= checksum-algorithm= sse= sse-kms-key-id= sse-c-key-file= sse-c-source-key-file= json q/quiet v/verbose progress= progress-interval= no-progress retries= timeout= limit-rate= j/jobs= part-size= copy-threshold= part-jobs= ca-bundle= insecure resolve= h/help V/version
end

function __fish_objcmd_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_objcmd_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_objcmd_using_subcommand
    set -l cmd (__fish_objcmd_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c objcmd -n "__fish_objcmd_needs_command" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_needs_command" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_needs_command" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_needs_command" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_needs_command" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_needs_command" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_needs_command" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_needs_command" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_needs_command" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_needs_command" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_needs_command" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_needs_command" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_needs_command" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_needs_command" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_needs_command" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_needs_command" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_needs_command" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_needs_command" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "config" -d 'Create, edit and show profiles'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "ls" -d 'List buckets, or the objects under a prefix'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "mb" -d 'Make a bucket'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "rb" -d 'Remove a bucket'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "stat" -d 'Show an object\'s size, dates, ETag, type, storage class and metadata'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "put" -d 'Upload files or stdin'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "get" -d 'Download an object to a file, a directory or stdout'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "rm" -d 'Delete objects'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "cp" -d 'Copy: remote to remote on the server, local to remote (put), remote to local (get)'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "sync" -d 'Make the destination match the source (either side local or remote)'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "acl" -d 'Show or set the ACL of a bucket or object'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "signurl" -d 'Print a presigned URL: access to one object for a holder without keys'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "multipart" -d 'List, inspect, abort, start and finish multipart uploads; presign their parts'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "mv" -d 'Move files and objects: put, get or copy, then delete each source once its copy is complete and verified'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "cat" -d 'Write objects to stdout, one after another (decrypted as get does)'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "du" -d 'Total bytes and object count under each prefix'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "hash" -d 'Checksums of local files (computed) and objects (as stored)'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "set-meta" -d 'Change objects\' metadata, type, storage class or ACL in place (a copy onto itself), keeping every property not named'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "check" -d 'Compare two trees as sync pairs them, change nothing: exit 0 identical, 7 different'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "run" -d 'Run objcmd command lines from a file or stdin, each as if run alone, -j lines at once'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "bucket" -d 'Show or change a bucket\'s configuration: versioning, policy, lifecycle, CORS, website, tags, object lock'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "tag" -d 'Show, replace or delete the tags of objects'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "retention" -d 'Show or set the object lock retention of an object (mode and date)'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "legal-hold" -d 'Show, set or clear the legal hold of an object'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "restore" -d 'Restore archived objects: a temporary readable copy for some days'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "completions" -d 'Print the completion script for a shell (bash, zsh, fish, powershell, elvish)'
complete -c objcmd -n "__fish_objcmd_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -f -a "init" -d 'Create or update a profile from the global flags, prompting on a terminal for what is missing'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -f -a "set" -d 'Set a key of the profile (or `default_profile`)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -f -a "get" -d 'Print a key of the profile (secrets masked unless --reveal)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -f -a "list" -d 'Show the profile\'s resolved settings and where each comes from (secrets masked)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -f -a "path" -d 'Print the config file\'s path'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -f -a "profiles" -d 'List the profiles of the config file, one a line (the default one marked in --json)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -f -a "gen-key" -d 'Write a new random 16-byte encryption key to FILE (mode 0600)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and not __fish_seen_subcommand_from init set get list path profiles gen-key help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l reveal -d 'Print secrets in full'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from profiles" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from gen-key" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Create or update a profile from the global flags, prompting on a terminal for what is missing'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set a key of the profile (or `default_profile`)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print a key of the profile (secrets masked unless --reveal)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'Show the profile\'s resolved settings and where each comes from (secrets masked)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the config file\'s path'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "profiles" -d 'List the profiles of the config file, one a line (the default one marked in --json)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "gen-key" -d 'Write a new random 16-byte encryption key to FILE (mode 0600)'
complete -c objcmd -n "__fish_objcmd_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -s r -l recursive -d 'List every object under the prefix, not one level'
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -s l -l long -d 'Long format: size, date, storage class and ETag'
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -s H -l human -d 'Human-readable sizes (KiB, MiB...)'
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l all-versions -d 'Every version and delete marker (ListObjectVersions), with version ids'
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand ls" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l acl -d 'Canned ACL of the new bucket (private, public-read...)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l location -d 'Location constraint (region) of the new bucket' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l object-lock -d 'Create the bucket with object lock (S3 only; it also turns versioning on for good)'
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand mb" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l force -d 'First delete every object and abort every unfinished multipart upload'
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l dry-run -d 'Print what would be deleted and aborted (with --force) and the bucket, change nothing'
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand rb" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l version-id -d 'Act on this version of the object, not the latest' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand stat" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l acl -d 'Canned ACL of the object (private, public-read...)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l content-type -d 'Content-Type [default: guessed from the file\'s name, else from the key]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l meta -d 'User metadata (repeatable)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l storage-class -d 'Storage class (STANDARD, STANDARD_IA, GLACIER...)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l header -d 'Extra request header (repeatable), e.g. \'Cache-Control: no-cache\'' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l tag -d 'Tag the new object (repeatable); a copy gets these tags instead of the source\'s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l include -d 'Take paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l exclude -d 'Skip paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l shard -d 'Take only share K of N (0-based), by a hash of each path: N machines, disjoint shares' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -s r -l recursive -d 'Upload directories: each file under DIR becomes PREFIX/<path relative to DIR>'
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l no-clobber -d 'Skip objects that already exist'
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l continue -d 'Resume an interrupted multipart upload of the same file to the same key (with -r: of each file that has one)'
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l encrypt -d 'Encrypt on this machine before upload (KS3 SDK format; the key is the profile\'s encryption_key_file)'
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l dry-run -d 'Print what would be uploaded, upload nothing'
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand put" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l range -d 'Only bytes A to B (inclusive): A-B, A- or -N (the last N bytes)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l include -d 'Take paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l exclude -d 'Skip paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l shard -d 'Take only share K of N (0-based), by a hash of each path: N machines, disjoint shares' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l version-id -d 'Download this version of the object, not the latest' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -s r -l recursive -d 'Download a prefix: each key under it becomes DST/<key relative to the prefix>'
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l no-clobber -d 'Do not overwrite an existing file'
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l continue -d 'Resume an interrupted download from its partial temp file (and keep it if this run is interrupted too)'
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l raw -d 'Write encrypted objects as stored, without decrypting them'
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l dry-run -d 'Print what would be downloaded, download nothing'
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand get" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l include -d 'Take paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l exclude -d 'Skip paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l shard -d 'Take only share K of N (0-based), by a hash of each path: N machines, disjoint shares' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l version-id -d 'Delete this version of the object (or delete marker) for good (one URL, without -r)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -s r -l recursive -d 'Delete every object under the prefix (with batch deletes)'
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l dry-run -d 'Print what would be deleted, delete nothing'
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l all-versions -d 'Delete every version and delete marker of the key (with -r: of every key under the prefix), not only the current one'
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l bypass-governance -d 'Delete versions that a GOVERNANCE object lock retains (COMPLIANCE still holds)'
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand rm" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l include -d 'Take paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l exclude -d 'Skip paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l shard -d 'Take only share K of N (0-based), by a hash of each path: N machines, disjoint shares' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l acl -d 'Canned ACL of the object (private, public-read...)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l content-type -d 'Content-Type [default: guessed from the file\'s name, else from the key]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l meta -d 'User metadata (repeatable)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l storage-class -d 'Storage class (STANDARD, STANDARD_IA, GLACIER...)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l header -d 'Extra request header (repeatable), e.g. \'Cache-Control: no-cache\'' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l tag -d 'Tag the new object (repeatable); a copy gets these tags instead of the source\'s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l version-id -d 'Copy this version of the source object, not the latest' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -s r -l recursive -d 'Copy a prefix or directory, everything under it'
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l no-clobber -d 'Skip what already exists at the destination'
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l encrypt -d 'Local to remote: encrypt before upload, as put --encrypt'
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l raw -d 'Remote to local: write encrypted objects as stored, as get --raw'
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l dry-run -d 'Print what would be copied, copy nothing'
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand cp" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l max-delete -d 'With --delete: when the sync would delete more than N, delete nothing (the copies still run) and exit 1 naming the count' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l include -d 'Take paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l exclude -d 'Skip paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l shard -d 'Take only share K of N (0-based), by a hash of each path: N machines, disjoint shares' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l acl -d 'Canned ACL of the object (private, public-read...)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l content-type -d 'Content-Type [default: guessed from the file\'s name, else from the key]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l meta -d 'User metadata (repeatable)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l storage-class -d 'Storage class (STANDARD, STANDARD_IA, GLACIER...)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l header -d 'Extra request header (repeatable), e.g. \'Cache-Control: no-cache\'' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l tag -d 'Tag the new object (repeatable); a copy gets these tags instead of the source\'s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l delete -d 'Delete from the destination what is not in the source'
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l allow-empty-source -d 'With --delete, go on when the source is empty (after filters): empty the destination'
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l checksum -d 'Compare contents (MD5) instead of size and modification time'
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l no-clobber -d 'Never replace what the destination has: transfer only what it lacks'
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l dry-run -d 'Print what would be transferred and deleted, change nothing'
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand sync" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -f -a "get" -d 'Show the owner, the grants and the canned ACL they amount to'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -f -a "set" -d 'Set a canned ACL (private, public-read, public-read-write, authenticated-read...)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and not __fish_seen_subcommand_from get set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l version-id -d 'The ACL of this version of the object' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l version-id -d 'Set the ACL of this version of the object' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show the owner, the grants and the canned ACL they amount to'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set a canned ACL (private, public-read, public-read-write, authenticated-read...)'
complete -c objcmd -n "__fish_objcmd_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l expires -d 'Seconds the URL stays valid [default: 3600]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l expires-at -d 'When the URL stops being valid, in Unix seconds' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l method -d 'The HTTP method the URL allows' -r -f -a "GET\t''
PUT\t''
HEAD\t''
DELETE\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l content-type -d 'PUT only: the Content-Type the uploader must send' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l content-md5 -d 'PUT only: the base64 (or hex) MD5 the uploader must send as Content-MD5' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l version-id -d 'A URL of this version of the object' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand signurl" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -f -a "ls" -d 'List unfinished multipart uploads (key, upload id, initiated)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -f -a "parts" -d 'List the parts of an upload (number, size, ETag)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -f -a "abort" -d 'Abort one upload, or every upload under a prefix with --all'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -f -a "init" -d 'Start an upload and print its id'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -f -a "complete" -d 'Finish an upload from the parts already uploaded'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -f -a "sign-parts" -d 'Start an upload and print a presigned UploadPart URL per part (JSON), for uploading the parts without keys; finish with `multipart complete`'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and not __fish_seen_subcommand_from ls parts abort init complete sign-parts help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l upload-id -d 'The upload' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from parts" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l upload-id -d 'The upload' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l older-than -d 'With --all: only uploads started longer ago than this, e.g. 1h, 7d' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l all -d 'Every upload under the URL'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from abort" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l acl -d 'Canned ACL of the object (private, public-read...)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l content-type -d 'Content-Type [default: guessed from the file\'s name, else from the key]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l meta -d 'User metadata (repeatable)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l storage-class -d 'Storage class (STANDARD, STANDARD_IA, GLACIER...)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l header -d 'Extra request header (repeatable), e.g. \'Cache-Control: no-cache\'' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l tag -d 'Tag the new object (repeatable); a copy gets these tags instead of the source\'s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l upload-id -d 'The upload' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from complete" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l size -d 'Size of the object to upload, in bytes (or with a unit)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l expires -d 'Seconds the URLs stay valid' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l md5-file -d 'The MD5 of each part, one per line (base64 or hex), bound into its URL' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l acl -d 'Canned ACL of the object (private, public-read...)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l content-type -d 'Content-Type [default: guessed from the file\'s name, else from the key]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l meta -d 'User metadata (repeatable)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l storage-class -d 'Storage class (STANDARD, STANDARD_IA, GLACIER...)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l header -d 'Extra request header (repeatable), e.g. \'Cache-Control: no-cache\'' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l tag -d 'Tag the new object (repeatable); a copy gets these tags instead of the source\'s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from sign-parts" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List unfinished multipart uploads (key, upload id, initiated)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from help" -f -a "parts" -d 'List the parts of an upload (number, size, ETag)'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from help" -f -a "abort" -d 'Abort one upload, or every upload under a prefix with --all'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from help" -f -a "init" -d 'Start an upload and print its id'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from help" -f -a "complete" -d 'Finish an upload from the parts already uploaded'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from help" -f -a "sign-parts" -d 'Start an upload and print a presigned UploadPart URL per part (JSON), for uploading the parts without keys; finish with `multipart complete`'
complete -c objcmd -n "__fish_objcmd_using_subcommand multipart; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l include -d 'Take paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l exclude -d 'Skip paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l shard -d 'Take only share K of N (0-based), by a hash of each path: N machines, disjoint shares' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l acl -d 'Canned ACL of the object (private, public-read...)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l content-type -d 'Content-Type [default: guessed from the file\'s name, else from the key]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l meta -d 'User metadata (repeatable)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l storage-class -d 'Storage class (STANDARD, STANDARD_IA, GLACIER...)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l header -d 'Extra request header (repeatable), e.g. \'Cache-Control: no-cache\'' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l tag -d 'Tag the new object (repeatable); a copy gets these tags instead of the source\'s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -s r -l recursive -d 'Move a prefix or directory, everything under it'
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l no-clobber -d 'Skip (and keep) a source whose destination already exists'
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l encrypt -d 'Local to remote: encrypt before upload, as put --encrypt'
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l raw -d 'Remote to local: write encrypted objects as stored, as get --raw'
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l dry-run -d 'Print what would be moved, move nothing'
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand mv" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l range -d 'Only bytes A to B (inclusive) of each object: A-B, A- or -N (the last N bytes)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l version-id -d 'Write this version of the object, not the latest (one URL)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l raw -d 'Write encrypted objects as stored, without decrypting them'
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand cat" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l include -d 'Take paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l exclude -d 'Skip paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l shard -d 'Take only share K of N (0-based), by a hash of each path: N machines, disjoint shares' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -s H -l human -d 'Human-readable sizes (KiB, MiB...)'
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l all-versions -d 'Count every version (delete markers hold no bytes and are not counted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand du" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l algorithm -d 'The checksum' -r -f -a "md5\t'MD5, hex (the ETag of an object stored with one PUT)'
crc64ecma\t'CRC-64/ECMA-182 (XZ), decimal (OSS x-oss-hash-crc64ecma, KS3 x-kss-checksum-crc64ecma)'
crc32\t'CRC-32 (ISO-HDLC), base64 (x-amz-checksum-crc32)'
crc32c\t'CRC-32C (Castagnoli), base64 (x-amz-checksum-crc32c)'
crc64nvme\t'CRC-64/NVME, base64 (x-amz-checksum-crc64nvme)'
sha1\t'SHA-1, base64'
sha256\t'SHA-256, base64'"
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand hash" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l include -d 'Take paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l exclude -d 'Skip paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l shard -d 'Take only share K of N (0-based), by a hash of each path: N machines, disjoint shares' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l meta -d 'Set user metadata KEY to VALUE (repeatable; the others are kept)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l delete-meta -d 'Remove user metadata KEY (repeatable)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l content-type -d 'New Content-Type [default: kept]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l storage-class -d 'New storage class (STANDARD, STANDARD_IA...) [default: kept]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l acl -d 'New canned ACL (private, public-read...) [default: kept]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l header -d 'Set a header stored with the object (repeatable), e.g. \'Cache-Control: no-cache\'' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -s r -l recursive -d 'Change every object under a prefix'
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l dry-run -d 'Print what would be changed, change nothing'
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand set-meta" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l include -d 'Take paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l exclude -d 'Skip paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l shard -d 'Take only share K of N (0-based), by a hash of each path: N machines, disjoint shares' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l checksum -d 'Compare contents (MD5, a multipart ETag, CRC-64) instead of size and modification time'
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l one-way -d 'Ignore what only DST has'
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand check" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand run" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -f -a "versioning" -d 'Show versioning (Enabled, Suspended or Off), or enable or suspend it'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -f -a "policy" -d 'Show the bucket policy (JSON), or set or delete it'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -f -a "lifecycle" -d 'Show the lifecycle configuration (XML), or set or delete it'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -f -a "cors" -d 'Show the CORS configuration (XML), or set or delete it'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -f -a "website" -d 'Show static-website hosting, or set (--index) or delete it'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -f -a "tagging" -d 'Show the bucket\'s tags, replace them (K=V...) or delete them'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -f -a "object-lock" -d 'Show object lock and its default retention, or set the default retention'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and not __fish_seen_subcommand_from versioning policy lifecycle cors website tagging object-lock help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from versioning" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l set -d 'Replace the document with FILE\'s (- reads stdin)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l delete -d 'Delete the document'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from policy" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l set -d 'Replace the document with FILE\'s (- reads stdin)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l delete -d 'Delete the document'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from lifecycle" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l set -d 'Replace the document with FILE\'s (- reads stdin)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l delete -d 'Delete the document'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from cors" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l index -d 'Serve the bucket as a website with this index document (e.g. index.html)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l error-doc -d 'The key served for errors (with --index)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l delete -d 'Stop serving the bucket as a website'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from website" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l delete -d 'Delete every tag of the bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from tagging" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l mode -d 'The default retention mode of new objects (with --days or --years)' -r -f -a "GOVERNANCE\t'Users with s3:BypassGovernanceRetention may still delete or shorten'
COMPLIANCE\t'Nobody can delete or shorten it until it ends'"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l days -d 'Keep new objects for N days' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l years -d 'Keep new objects for N years' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from object-lock" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from help" -f -a "versioning" -d 'Show versioning (Enabled, Suspended or Off), or enable or suspend it'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from help" -f -a "policy" -d 'Show the bucket policy (JSON), or set or delete it'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from help" -f -a "lifecycle" -d 'Show the lifecycle configuration (XML), or set or delete it'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from help" -f -a "cors" -d 'Show the CORS configuration (XML), or set or delete it'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from help" -f -a "website" -d 'Show static-website hosting, or set (--index) or delete it'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from help" -f -a "tagging" -d 'Show the bucket\'s tags, replace them (K=V...) or delete them'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from help" -f -a "object-lock" -d 'Show object lock and its default retention, or set the default retention'
complete -c objcmd -n "__fish_objcmd_using_subcommand bucket; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l include -d 'Take paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l exclude -d 'Skip paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l shard -d 'Take only share K of N (0-based), by a hash of each path: N machines, disjoint shares' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l version-id -d 'This version of the object' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l delete -d 'Delete every tag of the object'
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -s r -l recursive -d 'Every object under the prefix'
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l dry-run -d 'Print what would be changed, change nothing'
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand tag" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l mode -d 'Set this lock mode (with --until) [default: show the retention]' -r -f -a "GOVERNANCE\t'Users with the permission may shorten or remove it (and delete with --bypass-governance)'
COMPLIANCE\t'Nobody may shorten or remove it, or delete the version, until the date'"
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l until -d 'Retain until this time (RFC 3339, e.g. 2030-01-01T00:00:00Z)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l version-id -d 'This version of the object' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l bypass-governance -d 'Shorten or remove a GOVERNANCE retention'
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand retention" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l version-id -d 'This version of the object' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand legal-hold" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l include -d 'Take paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l exclude -d 'Skip paths matching GLOB (repeatable; the last matching --include/--exclude wins)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l shard -d 'Take only share K of N (0-based), by a hash of each path: N machines, disjoint shares' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l days -d 'Days the restored copy stays readable' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l tier -d 'The restore speed' -r -f -a "Standard\t'Hours (the server\'s default)'
Bulk\t'The cheapest and slowest'
Expedited\t'Minutes, where the server offers it'"
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l version-id -d 'This version of the object' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -s r -l recursive -d 'Every object under the prefix'
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l dry-run -d 'Print what would be restored, request nothing'
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand restore" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -s p -l profile -d 'Profile from the config file [env: OBJCMD_PROFILE] [default: the file\'s default_profile, else default]' -r -f -a '(__fish_objcmd_profiles)'
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l config -d 'Config file [env: OBJCMD_CONFIG] [default: in the OS config dir, shown by `objcmd config path`]' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l provider -d 'Dialect: s3, oss or ks3 [env: OBJCMD_PROVIDER]' -r -f -a "s3\t''
oss\t''
ks3\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l endpoint -d 'Service endpoint, e.g. http://127.0.0.1:7480 [env: OBJCMD_ENDPOINT]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l region -d 'Region (SigV4 scope, location of new buckets) [env: OBJCMD_REGION]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l access-key -d 'Access key id [env: OBJCMD_ACCESS_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l secret-key -d 'Secret access key [env: OBJCMD_SECRET_KEY, or the provider\'s own]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l security-token -d 'STS security token of temporary credentials [env: OBJCMD_SECURITY_TOKEN]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l addressing -d 'Bucket addressing: path, virtual or auto' -r -f -a "path\t''
virtual\t''
auto\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l signature -d 'S3 signature version: v2 or v4' -r -f -a "v2\t''
v4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l checksum-algorithm -d 'S3 only: checksum stored with uploads and sent with each part: crc32, crc32c, crc64nvme, sha1, sha256 or none [default: crc64nvme for AWS hosts, none elsewhere]' -r -f -a "crc32\t''
crc32c\t''
crc64nvme\t''
sha1\t''
sha256\t''
none\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l sse -d 'Server-side encryption of the objects written (put cp mv sync set-meta multipart init): AES256, aws:kms (not KS3) or SM4 (OSS only)' -r -f -a "AES256\t''
aws:kms\t''
SM4\t''"
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l sse-kms-key-id -d 'The KMS key of --sse aws:kms (default: the server\'s)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l sse-c-key-file -d 'SSE-C: the file with the 32-byte customer key of the objects read and written (put get cat stat cp mv sync multipart); a secret, never printed' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l sse-c-source-key-file -d 'SSE-C: the file with the 32-byte customer key of a copy\'s source' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l progress -d 'Progress on stderr: auto (a bar on a terminal, else none), bar, lines (a status line every --progress-interval seconds, for CI logs) or none' -r -f -a "auto\t'A bar when stderr is a terminal, else nothing'
bar\t'A bar (only ever drawn on a terminal)'
lines\t'A plain status line every --progress-interval seconds'
none\t'No progress'"
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l progress-interval -d 'Seconds between the status lines of --progress lines [default: 10]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l retries -d 'Retries of a retryable failure [default: 5]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l timeout -d 'Connect and read timeout in seconds [default: 60]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l limit-rate -d 'Bandwidth cap, e.g. 10MiB/s' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -s j -l jobs -d 'Objects transferred at once by recursive commands and sync [default: 64]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l part-size -d 'Multipart part size, e.g. 16MiB (objects above it are sent in parts) [default: 16MiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l copy-threshold -d 'Remote copies above this size are made in parts [default: 5GiB]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l part-jobs -d 'Parts in flight per object [default: 4]' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l ca-bundle -d 'Also trust the CA certificates (PEM) in FILE for TLS' -r -F
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l resolve -d 'Resolve HOST to ADDR instead of asking DNS (repeatable; HOST may be *.DOMAIN)' -r
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l anonymous -d 'Send unsigned requests (public buckets)'
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l cname -d 'The endpoint is a custom domain bound to one bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l json -d 'Machine output: one JSON object per line on stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -s q -l quiet -d 'Print less on stderr'
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -s v -l verbose -d 'Print more on stderr (-vv: every HTTP request and response head, secrets redacted)'
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l no-progress -d 'Never show progress (the same as --progress none)'
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -l insecure -d 'Do not verify TLS certificates (unsafe: anyone on the path can read and change the traffic)'
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c objcmd -n "__fish_objcmd_using_subcommand completions" -s V -l version -d 'Print version'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "config" -d 'Create, edit and show profiles'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "ls" -d 'List buckets, or the objects under a prefix'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "mb" -d 'Make a bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "rb" -d 'Remove a bucket'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "stat" -d 'Show an object\'s size, dates, ETag, type, storage class and metadata'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "put" -d 'Upload files or stdin'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "get" -d 'Download an object to a file, a directory or stdout'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "rm" -d 'Delete objects'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "cp" -d 'Copy: remote to remote on the server, local to remote (put), remote to local (get)'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "sync" -d 'Make the destination match the source (either side local or remote)'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "acl" -d 'Show or set the ACL of a bucket or object'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "signurl" -d 'Print a presigned URL: access to one object for a holder without keys'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "multipart" -d 'List, inspect, abort, start and finish multipart uploads; presign their parts'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "mv" -d 'Move files and objects: put, get or copy, then delete each source once its copy is complete and verified'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "cat" -d 'Write objects to stdout, one after another (decrypted as get does)'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "du" -d 'Total bytes and object count under each prefix'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "hash" -d 'Checksums of local files (computed) and objects (as stored)'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "set-meta" -d 'Change objects\' metadata, type, storage class or ACL in place (a copy onto itself), keeping every property not named'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "check" -d 'Compare two trees as sync pairs them, change nothing: exit 0 identical, 7 different'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "run" -d 'Run objcmd command lines from a file or stdin, each as if run alone, -j lines at once'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "bucket" -d 'Show or change a bucket\'s configuration: versioning, policy, lifecycle, CORS, website, tags, object lock'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "tag" -d 'Show, replace or delete the tags of objects'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "retention" -d 'Show or set the object lock retention of an object (mode and date)'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "legal-hold" -d 'Show, set or clear the legal hold of an object'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "restore" -d 'Restore archived objects: a temporary readable copy for some days'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "completions" -d 'Print the completion script for a shell (bash, zsh, fish, powershell, elvish)'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and not __fish_seen_subcommand_from config ls mb rb stat put get rm cp sync acl signurl multipart mv cat du hash set-meta check run bucket tag retention legal-hold restore completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Create or update a profile from the global flags, prompting on a terminal for what is missing'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Set a key of the profile (or `default_profile`)'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print a key of the profile (secrets masked unless --reveal)'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'Show the profile\'s resolved settings and where each comes from (secrets masked)'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the config file\'s path'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "profiles" -d 'List the profiles of the config file, one a line (the default one marked in --json)'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "gen-key" -d 'Write a new random 16-byte encryption key to FILE (mode 0600)'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "get" -d 'Show the owner, the grants and the canned ACL they amount to'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "set" -d 'Set a canned ACL (private, public-read, public-read-write, authenticated-read...)'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from multipart" -f -a "ls" -d 'List unfinished multipart uploads (key, upload id, initiated)'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from multipart" -f -a "parts" -d 'List the parts of an upload (number, size, ETag)'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from multipart" -f -a "abort" -d 'Abort one upload, or every upload under a prefix with --all'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from multipart" -f -a "init" -d 'Start an upload and print its id'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from multipart" -f -a "complete" -d 'Finish an upload from the parts already uploaded'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from multipart" -f -a "sign-parts" -d 'Start an upload and print a presigned UploadPart URL per part (JSON), for uploading the parts without keys; finish with `multipart complete`'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from bucket" -f -a "versioning" -d 'Show versioning (Enabled, Suspended or Off), or enable or suspend it'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from bucket" -f -a "policy" -d 'Show the bucket policy (JSON), or set or delete it'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from bucket" -f -a "lifecycle" -d 'Show the lifecycle configuration (XML), or set or delete it'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from bucket" -f -a "cors" -d 'Show the CORS configuration (XML), or set or delete it'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from bucket" -f -a "website" -d 'Show static-website hosting, or set (--index) or delete it'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from bucket" -f -a "tagging" -d 'Show the bucket\'s tags, replace them (K=V...) or delete them'
complete -c objcmd -n "__fish_objcmd_using_subcommand help; and __fish_seen_subcommand_from bucket" -f -a "object-lock" -d 'Show object lock and its default retention, or set the default retention'
