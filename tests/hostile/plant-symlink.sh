# Plants symlinks where camaudit would have put its temporary output file (issue #19, 10):
# `.NAME.tmp<pid>` as the old code named it, and the first names of the new code. Its pid is
# this shell's, kept by exec. Usage: bash plant-symlink.sh CAMAUDIT ARGS... (-o out.json)
bin=$1
shift
echo "precious" > victim.txt
for name in ".out.json.tmp$$" ".out.json.tmp$$-0" ".out.json.tmp$$-1"; do
    ln -s victim.txt "$name"
done
exec "$bin" "$@"
