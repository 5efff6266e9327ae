fn main() {
    rota_site::prerender::main();
}
