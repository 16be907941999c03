import storyline


def test_public_api_all_is_complete_and_sorted():
    public = {name for name in dir(storyline) if not name.startswith("_") and name not in {"annotations"}}
    modules = {name for name in public if type(getattr(storyline, name)).__name__ == "module"}
    assert set(storyline.__all__) == (public - modules) | {"__version__"}
    assert list(storyline.__all__) == sorted(storyline.__all__)
