fn main() {
    rota_site::mount();
}
